//! Lookups, name lookups, Retry-After parsing and decisions never allocate.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use dcs_status::{decide, from_name_bytes, lookup, parse_retry_after, Status};

struct Counting;

thread_local! {
    /// Allocations made by this thread (tests run on several threads at once).
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
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

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_hot_paths_do_not_allocate() {
    let count = allocations_during(|| {
        for code in 0u16..=1100 {
            std::hint::black_box(Status::from_code(code));
            std::hint::black_box(lookup(code).ok());
            std::hint::black_box(decide(code, Some("Tue, 24 Nov 2026 12:02:00 GMT"), 0, true).ok());
        }
        for s in Status::all() {
            std::hint::black_box(from_name_bytes(s.name().as_bytes()));
            std::hint::black_box(from_name_bytes(s.phrase().as_bytes()));
        }
        std::hint::black_box(from_name_bytes(b"no such name"));
        for value in [
            "120",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "x",
        ] {
            std::hint::black_box(parse_retry_after(value, 0).ok());
        }
    });
    assert_eq!(count, 0, "allocations on the hot paths");
}

#[test]
fn the_counter_sees_allocations() {
    // An unknown name's error keeps the name: one allocation, so the counter works.
    let count = allocations_during(|| {
        std::hint::black_box(dcs_status::from_name("no such name").err());
    });
    assert!(count > 0);
}
