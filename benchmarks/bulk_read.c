/* Reads the same region of a stopped process's /proc/pid/mem over and over with pread and
 * prints the throughput as "c_mib_per_s=N". Usage: bulk_read PID HEXADDR LEN ITERATIONS.
 * Built by bulk-read-vs-c.sh into target/ at benchmark time. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void read_all(int fd, char *buf, size_t len, off_t addr) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(fd, buf + done, len - done, addr + (off_t)done);
    if (n <= 0) {
      perror("pread");
      exit(1);
    }
    done += (size_t)n;
  }
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s PID HEXADDR LEN ITERATIONS\n", argv[0]);
    return 2;
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/%s/mem", argv[1]);
  off_t addr = (off_t)strtoull(argv[2], NULL, 16);
  size_t len = strtoull(argv[3], NULL, 10);
  long iterations = strtol(argv[4], NULL, 10);
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    perror(path);
    return 1;
  }
  char *buf = malloc(len);
  for (long i = 0; i < iterations / 2; i++) {
    read_all(fd, buf, len, addr);
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < iterations; i++) {
    read_all(fd, buf, len, addr);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("c_mib_per_s=%.1f\n", (double)iterations * (double)len / (1 << 20) / secs);
  return 0;
}
