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
            Ok(::leptos::prelude::IntoAny::into_any($crate::lazy::Fresh($body)))
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

/// A unit's view, drawn anew when it replaces one of its own kind (one framework's screen by
/// another's) instead of patched in place. Erasing a view (`into_any`) compiles its whole patch
/// code ("rebuild") even when nothing calls it; for a screen that is most of its static tree again.
/// Drawing it anew needs none of that: measured (session 14), the home screen's chunk lost about
/// 6 KB of raw code. The only screen that replaced itself, a framework's, is now drawn anew
/// (its heading then takes focus, see `app.rs`).
pub struct Fresh<V>(pub V);

mod fresh {
    use super::Fresh;
    use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{
        add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
    };

    impl<V: Render> Render for Fresh<V> {
        type State = V::State;

        fn build(self) -> Self::State {
            self.0.build()
        }

        fn rebuild(self, state: &mut Self::State) {
            let mut new = self.0.build();
            // Every unit's view starts with an element, so there is a node to insert before.
            let inserted = state.insert_before_this(&mut new);
            debug_assert!(inserted, "a lazily loaded unit's view with no node");
            state.unmount();
            *state = new;
        }
    }

    impl<V: RenderHtml> AddAnyAttr for Fresh<V> {
        type Output<A: Attribute> = Fresh<V::Output<A>>;

        fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
        where
            Self::Output<A>: RenderHtml,
        {
            Fresh(self.0.add_any_attr(attr))
        }
    }

    impl<V: RenderHtml> RenderHtml for Fresh<V> {
        type AsyncOutput = V::AsyncOutput;
        type Owned = Fresh<V::Owned>;
        const MIN_LENGTH: usize = V::MIN_LENGTH;
        const EXISTS: bool = V::EXISTS;

        fn dry_resolve(&mut self) {
            self.0.dry_resolve()
        }

        fn resolve(self) -> impl std::future::Future<Output = Self::AsyncOutput> + Send {
            self.0.resolve()
        }

        fn html_len(&self) -> usize {
            self.0.html_len()
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<AnyAttribute>,
        ) {
            self.0
                .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            self.0.hydrate::<FROM_SERVER>(cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            Fresh(self.0.into_owned())
        }
    }
}
