//! How the C allocator gives memory back, set once at the start of the process.
//!
//! glibc serves a large block straight from the system and, each time one is freed, raises
//! that size limit to the block's size (up to 32 MiB) and lets each thread's heap keep twice
//! the new limit of free memory at its top. After an import frees its duplicate-row table,
//! a million-claim analysis kept ~60 MB of freed memory in its threads' heaps: a peak of
//! 335 MB where 275 MB are ever in use at once. A fixed limit turns the raising off: blocks
//! of 1 MiB or more come from the system and go back to it when freed, and a heap gives back
//! free memory at its top past 128 KiB. Other allocators are left as they are.

/// Fixes the allocator's limits; call it first thing, before any thread is started.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn return_freed_memory() {
    // SAFETY: `mallopt` sets one of the allocator's tuning parameters under its own lock and
    // has no other effect; an unsuccessful call (0) leaves glibc's default, which is correct,
    // only less frugal.
    let _ = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20) };
}

/// Fixes the allocator's limits: nothing to do outside glibc.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn return_freed_memory() {}
