/* Call-frame fixture for the .eh_frame tests: frames with saved callee-saved registers,
   alloca (a frame-pointer CFA), recursion and PLT calls (a DW_CFA_def_cfa_expression). */
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long leaf(long x) {
  volatile char buf[64];
  buf[x & 63] = (char) x;
  return buf[3] + x;
}

__attribute__((noinline)) static long saver(long a, long b, long c, long d) {
  long r = 0;
  for (long i = 0; i < a; i++) {
    r += leaf(i * b) ^ leaf(c + i) ^ leaf(d - i);
  }
  return r;
}

__attribute__((noinline)) static long dynamic(long n) {
  char *p = alloca(n * 16 + 1);
  memset(p, (int) n, n * 16 + 1);
  return p[n] + saver(n, n + 1, n + 2, n + 3);
}

__attribute__((noinline)) static long recurse(long n) {
  return n <= 0 ? dynamic(3) : recurse(n - 1) + 1;
}

int main(int argc, char **argv) {
  printf("%ld\n", recurse(argc + 4));
  return argc > 5 ? atoi(argv[1]) : 0;
}
