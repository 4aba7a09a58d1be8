/*
 * One C program that calls two Rust static libraries: libdcs_status.a and
 * other-rust-lib's libother_rust.a (tests/dist/run.sh links them in both orders).
 * It links only if libdcs_status.a keeps its copy of the Rust standard library to
 * itself; it prints both answers and exits 0 if they are right.
 */
#include <stdio.h>

#include "dcs_status.h"

int other_rust_distinct_words(void);

int main(void) {
  const dcs_status_entry *entry = dcs_status_get(429);
  int words = other_rust_distinct_words();
  if (entry == NULL || entry->code != 429) {
    fprintf(stderr, "two_rust_libs: dcs_status_get(429) failed\n");
    return 1;
  }
  if (words != 8) {
    fprintf(stderr, "two_rust_libs: other_rust_distinct_words() = %d, expected 8\n", words);
    return 1;
  }
  printf("dcs_status_get(429)->code = %d; other_rust_distinct_words() = %d\n", entry->code, words);
  return 0;
}
