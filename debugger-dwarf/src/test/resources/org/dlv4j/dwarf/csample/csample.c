#include <stdio.h>
struct point { int x, y; const char *name; };
static int counter;
__int128 big = 1;
static inline int add(int a, int b) { return a + b; }
__attribute__((noinline)) int scale(struct point *p, int k) {
  for (int i = 0; i < k; i++) { p->x = add(p->x, i); counter++; }
  return p->x * k;
}
int main(int argc, char **argv) {
  struct point p = {argc, 2, argv[0]};
  printf("%d %d\n", scale(&p, argc), counter);
  return 0;
}
