// Call-frame fixture with C++ exceptions: its CIEs use the "zPLR" augmentation (an indirect
// pc-relative personality routine) and its FDEs carry LSDA pointers.
#include <cstdio>
#include <stdexcept>
#include <string>

__attribute__((noinline)) static int thrower(int n) {
  if (n > 2) {
    throw std::runtime_error("too big: " + std::to_string(n));
  }
  return n;
}

__attribute__((noinline)) static int catcher(int n) {
  std::string guard("guard");
  try {
    return thrower(n) + static_cast<int>(guard.size());
  } catch (const std::exception &e) {
    return -1;
  }
}

int main(int argc, char **) {
  std::printf("%d\n", catcher(argc) + catcher(argc + 5));
  return 0;
}
