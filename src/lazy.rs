//! Lazily loaded units: code the build's splitter cuts out of the main wasm into a chunk of its
//! own, fetched on first use (a screen: `views`; presenter mode: `components::presenter`).
//! Natively (tests, prerender) a unit is a plain call.

/// A unit's code could not be fetched (a dropped connection, a blocked request).
pub use leptos::wasm_split::SplitLoaderError as ChunkError;

/// Declares one lazily loaded unit: `$module` names its wasm chunk (`split_<module>.wasm`; the
/// splitter cuts the wasm at each of these), `$load` fetches it, `$view` renders it once it is
/// there (call it through [`ready`]).
macro_rules! lazy_unit {
    ($module:ident, $load:ident, $view:ident ( $($arg:ident : $ty:ty),* ) => $body:expr) => {
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($load))]
        fn $view($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::lazy::ChunkError> {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
    };
}
pub(crate) use lazy_unit;

/// Polls a future once: the call to a loaded unit (or natively, to the function itself) is ready
/// at once; `None` if its chunk is not loaded yet.
pub fn ready<F: std::future::Future>(f: F) -> Option<F::Output> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(f).poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}
