//! What the no-allocation tests share: a global allocator that counts, per thread, the
//! allocations made and the bytes they ask for (tests run on several threads at once).
//! Each test file that uses it declares `mod common;`, which installs it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    /// Allocations made by this thread, and their bytes.
    static ALLOCATIONS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| {
            let (count, bytes) = n.get();
            n.set((count + 1, bytes + layout.size()));
        });
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` made on this thread, and how many bytes they asked for.
pub fn allocations_and_bytes_during(f: impl FnOnce()) -> (usize, usize) {
    let (count, bytes) = ALLOCATIONS.with(Cell::get);
    f();
    let (count_after, bytes_after) = ALLOCATIONS.with(Cell::get);
    (count_after - count, bytes_after - bytes)
}

/// How many allocations `f` made on this thread.
#[allow(dead_code)] // not every test file counts only allocations
pub fn allocations_during(f: impl FnOnce()) -> usize {
    allocations_and_bytes_during(f).0
}
