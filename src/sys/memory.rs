//! Memory given back to the system once something large is let go.
//!
//! glibc's allocator keeps what was freed for the next allocation: the tens of megabytes of a
//! review's view, or of the derived files a reading built, would otherwise stay resident for
//! the rest of the run, through any session counted down after them. Elsewhere, nothing is done.

/// The size in bytes from which an allocation gets pages of its own, returned to the system
/// when it is freed, and past which the free end of a heap is returned: 1 MiB. Left to itself
/// glibc raises both to the largest block freed so far (a derived file, megabytes), and those
/// megabytes then stay. Not lower: the history is read in pieces of a quarter of that, which
/// would then each be mapped afresh (home figures at 1M events 56 ms to 130 ms, measured).
const RETURN_FROM: i32 = 1024 * 1024;

/// Holds the allocator to returning freed memory; called once, before any thread starts.
pub fn settle() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes two integers and only sets the allocator's own parameters; no
    // thread that allocates has started yet.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, RETURN_FROM);
        libc::mallopt(libc::M_TRIM_THRESHOLD, RETURN_FROM);
    }
}

/// Returns the allocator's free pages to the system, wherever they lie in its heaps: after
/// something large is let go. A few milliseconds at most.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointers and only walks the allocator's own free lists,
    // under its own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}
