//! The module's allocator: talc, plus a bump arena for the short-lived blocks of one call.
//!
//! A call of the text entry points allocates a handful of small blocks: the places of the
//! values, the entries of each level and the accepted changes. It frees them all before it
//! returns, or soon after, when the wrapper has copied the result. Inside [`with_arena`],
//! allocating is moving a pointer and freeing is counting down; when the count reaches zero,
//! the arena starts again from its beginning. A block that does not fit, or one allocated
//! outside [`with_arena`], goes to talc, which is smaller than Rust's default dlmalloc.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// Bytes of the arena: many times what a request body of a few kilobytes needs. The blocks of
/// longer text go to talc once the arena is full.
const ARENA_BYTES: usize = 64 * 1024;

#[repr(C, align(16))]
struct Bytes([u8; ARENA_BYTES]);

struct State {
    /// Whether new blocks come from the arena.
    active: bool,
    /// Offset of the first free byte.
    next: usize,
    /// Blocks of the arena not freed yet.
    live: usize,
    bytes: Bytes,
}

/// The global allocator: the arena in front of talc.
pub(crate) struct ArenaAllocator {
    general: talc::wasm::WasmDynamicTalc,
    state: UnsafeCell<State>,
}

// SAFETY: the module is built without the `atomics` target feature, so it runs on one thread
// and no two calls of the allocator overlap.
unsafe impl Sync for ArenaAllocator {}

#[global_allocator]
static ALLOCATOR: ArenaAllocator = ArenaAllocator {
    general: talc::wasm::new_wasm_dynamic_allocator(),
    state: UnsafeCell::new(State { active: false, next: 0, live: 0, bytes: Bytes([0; ARENA_BYTES]) }),
};

/// Runs `call` with new blocks taken from the arena. `call` must not call into JavaScript,
/// which could enter the module again and allocate long-lived blocks in the arena.
pub(crate) fn with_arena<T>(call: impl FnOnce() -> T) -> T {
    // SAFETY: single-threaded (see above), and no reference to the state outlives this line.
    unsafe { (*ALLOCATOR.state.get()).active = true };
    let result = call();
    unsafe { (*ALLOCATOR.state.get()).active = false };
    result
}

impl ArenaAllocator {
    /// Returns the arena's offset of `pointer`, or `None` when talc allocated it.
    fn offset_of(&self, pointer: *mut u8) -> Option<usize> {
        let start = unsafe { (*self.state.get()).bytes.0.as_ptr() } as usize;
        (pointer as usize).checked_sub(start).filter(|offset| *offset < ARENA_BYTES)
    }
}

unsafe impl GlobalAlloc for ArenaAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let state = &mut *self.state.get();
        if state.active {
            let start = state.bytes.0.as_ptr() as usize;
            let aligned = (start + state.next + layout.align() - 1) & !(layout.align() - 1);
            if aligned + layout.size() <= start + ARENA_BYTES {
                state.next = aligned + layout.size() - start;
                state.live += 1;
                return state.bytes.0.as_mut_ptr().add(aligned - start);
            }
        }
        self.general.alloc(layout)
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        if self.offset_of(pointer).is_none() {
            return self.general.dealloc(pointer, layout);
        }
        let state = &mut *self.state.get();
        state.live -= 1;
        if state.live == 0 {
            state.next = 0;
        }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Some(offset) = self.offset_of(pointer) else {
            return self.general.realloc(pointer, layout, new_size);
        };
        let state = &mut *self.state.get();
        // The latest block grows or shrinks in place while it fits, as a vector's pushes do.
        if offset + layout.size() == state.next && offset + new_size <= ARENA_BYTES {
            state.next = offset + new_size;
            return pointer;
        }
        let moved = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(pointer, moved, layout.size().min(new_size));
            self.dealloc(pointer, layout);
        }
        moved
    }
}
