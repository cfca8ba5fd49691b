/*
 * The C baseline of benchmarks/bp-vs-c.sh: a minimal ptrace breakpoint loop.
 *
 * Usage: bp_loop PROGRAM HEX_ADDRESS [ARGS...]
 * Runs PROGRAM with ARGS (stdout to /dev/null) under ptrace, following every thread it clones
 * (PTRACE_O_TRACECLONE: a Go program's other threads would die on the int3 otherwise), puts an
 * int3 at HEX_ADDRESS, and for every hit: PC back, original byte back, single-step that
 * thread, int3 again, continue. Other signals are passed on. Prints
 * "hits=N seconds=S hits_per_second=R" once the program exits, timed from the first continue.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
  perror(what);
  exit(1);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PROGRAM HEX_ADDRESS [ARGS...]\n", argv[0]);
    return 2;
  }
  unsigned long addr = strtoul(argv[2], NULL, 16);
  pid_t pid = fork();
  if (pid < 0) die("fork");
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    argv[2] = argv[1];
    execv(argv[1], argv + 2);
    die("execv");
  }
  int status;
  if (waitpid(pid, &status, 0) < 0 || !WIFSTOPPED(status)) die("waitpid exec");
  if (ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL) < 0)
    die("PTRACE_SETOPTIONS");
  errno = 0;
  long original = ptrace(PTRACE_PEEKTEXT, pid, addr, 0);
  if (errno) die("PTRACE_PEEKTEXT");
  long trap = (original & ~0xffL) | 0xcc;
  if (ptrace(PTRACE_POKETEXT, pid, addr, trap) < 0) die("PTRACE_POKETEXT");

  long hits = 0;
  double start = now();
  if (ptrace(PTRACE_CONT, pid, 0, 0) < 0) die("PTRACE_CONT");
  for (;;) {
    pid_t tid = waitpid(-1, &status, __WALL);
    if (tid < 0) die("waitpid");
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      if (tid == pid) break;
      continue;
    }
    int sig = WSTOPSIG(status);
    if (sig == SIGTRAP && (status >> 16) != 0) { /* clone event: the child starts on its own */
      ptrace(PTRACE_CONT, tid, 0, 0);
      continue;
    }
    if (sig == SIGTRAP) {
      struct user_regs_struct regs;
      if (ptrace(PTRACE_GETREGS, tid, 0, &regs) < 0) die("PTRACE_GETREGS");
      if (regs.rip - 1 == addr) {
        hits++;
        regs.rip = addr;
        ptrace(PTRACE_SETREGS, tid, 0, &regs);
        ptrace(PTRACE_POKETEXT, tid, addr, original);
        /* A signal that arrives during the step is held back until the continue: delivered
           now, its handler would run before the instruction, which would then trap again. */
        int pending = 0, step;
        ptrace(PTRACE_SINGLESTEP, tid, 0, 0);
        while (waitpid(tid, &step, __WALL) == tid && WIFSTOPPED(step)
            && WSTOPSIG(step) != SIGTRAP) {
          if (WSTOPSIG(step) != SIGSTOP) pending = WSTOPSIG(step);
          ptrace(PTRACE_SINGLESTEP, tid, 0, 0);
        }
        ptrace(PTRACE_POKETEXT, tid, addr, trap);
        ptrace(PTRACE_CONT, tid, 0, pending);
        continue;
      }
      ptrace(PTRACE_CONT, tid, 0, 0);
      continue;
    }
    ptrace(PTRACE_CONT, tid, 0, sig == SIGSTOP ? 0 : sig); /* a new thread's stop, or pass on */
  }
  double seconds = now() - start;
  printf("hits=%ld seconds=%.4f hits_per_second=%.1f\n", hits, seconds, hits / seconds);
  return 0;
}
