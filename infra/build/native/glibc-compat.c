/*
 * Linked into the statically-linked nodejieba addon (see infra/build/native-addon.ts).
 *
 * GCC 12's libstdc++.a references arc4random (glibc 2.36) from std::random_device, which nodejieba
 * never uses but the static link pulls in. Lambda's Node.js 22 runtime (Amazon Linux 2023) has glibc
 * 2.34, where the addon would then fail to load. This hidden definition satisfies the reference
 * inside the addon, built on getrandom (glibc 2.25), so no symbol newer than 2.34 is required.
 */
#include <stdint.h>
#include <sys/random.h>

__attribute__((visibility("hidden"))) uint32_t arc4random(void) {
  uint32_t value;
  while (getrandom(&value, sizeof value, 0) != (long)sizeof value) {
  }
  return value;
}
