//! How the C allocator gives memory back, set once at the start of the process.
//!
//! glibc serves a large block straight from the system and, each time one is freed, raises
//! that size limit to the block's size (up to 32 MiB) and lets each thread's heap keep twice
//! the new limit of free memory at its top. After an import frees its duplicate-row table,
//! a million-claim analysis kept ~60 MB of freed memory in its threads' heaps: a peak of
//! 335 MB where 275 MB are ever in use at once. A fixed limit turns the raising off: blocks
//! of 1 MiB or more come from the system and go back to it when freed, and a heap gives back
//! free memory at its top past 128 KiB. A limit the user set (`MALLOC_MMAP_THRESHOLD_`,
//! `GLIBC_TUNABLES`) is left alone, as are other allocators.

/// Fixes the allocator's limits; call it first thing, so that every large block is served
/// under them.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn return_freed_memory() {
    if ["MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
    {
        return;
    }
    // SAFETY: `mallopt` sets one of the allocator's tuning parameters under the allocator's
    // own lock and has no other effect, whenever it is called; an unsuccessful call (0) leaves
    // glibc's default, which is correct, only less frugal.
    let _ = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20) };
}

/// Fixes the allocator's limits: nothing to do outside glibc.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn return_freed_memory() {}
