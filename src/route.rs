//! The screens of the app and their URLs.
//!
//! A route is written as a path relative to the app's root (`phases/solomo`), so the same build
//! works at the root of a host and under any sub-path. Where the host has no fallback and the path
//! is fixed (a SCORM package, `…/index.html`), the same string travels in `?view=` instead; see
//! `platform::url`.

use crate::content::{self, ui, Text, FRAMEWORKS, PHASES};

/// A screen of the menu that is not a framework (those come from the content, by article).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub route: Route,
    pub name: Text,
    /// Also in the header's bar, where the window is wide enough.
    pub primary: bool,
}

/// The app's screens in menu order: the one list the menu and the header's bar read. A new
/// screen appears in both by adding its entry here.
pub static SCREENS: &[Screen] = &[
    Screen {
        route: Route::Home,
        name: ui::HOME_TITLE,
        primary: false,
    },
    Screen {
        route: Route::Phases(None),
        name: ui::NAV_PHASES,
        primary: true,
    },
    Screen {
        route: Route::PhasesCompare,
        name: ui::COMPARE_TITLE,
        primary: false,
    },
    Screen {
        route: Route::Chronology,
        name: ui::NAV_CHRONO,
        primary: true,
    },
    Screen {
        route: Route::Assessment,
        name: ui::NAV_ASSESS,
        primary: true,
    },
    Screen {
        route: Route::Quiz,
        name: ui::NAV_QUIZ,
        primary: true,
    },
    Screen {
        route: Route::Progress,
        name: ui::NAV_PROGRESS,
        primary: true,
    },
    Screen {
        route: Route::Debrief,
        name: ui::DEBRIEF_TITLE,
        primary: false,
    },
    Screen {
        route: Route::Sources,
        name: ui::NAV_SOURCES,
        primary: false,
    },
    Screen {
        route: Route::About,
        name: ui::NAV_ABOUT,
        primary: false,
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The phases timeline, with a phase selected or not.
    Phases(Option<&'static str>),
    /// The three phases side by side.
    PhasesCompare,
    Chronology,
    /// Any other framework screen, by id.
    Framework(&'static str),
    Assessment,
    Quiz,
    Progress,
    /// The class debrief: a trainer reads the group's share codes.
    Debrief,
    Sources,
    About,
    NotFound,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let path = path.trim_matches('/');
        let path = path
            .strip_suffix("index.html")
            .unwrap_or(path)
            .trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::Home,
            ["phases"] => Route::Phases(None),
            ["phases", "compare"] => Route::PhasesCompare,
            ["phases", id] => match content::phase(id) {
                Some(p) => Route::Phases(Some(p.id)),
                None => Route::NotFound,
            },
            ["chronology"] => Route::Chronology,
            ["assessment"] => Route::Assessment,
            ["quiz"] => Route::Quiz,
            ["progress"] => Route::Progress,
            ["debrief"] => Route::Debrief,
            ["sources"] => Route::Sources,
            ["about"] => Route::About,
            [id] => match content::framework(id) {
                Some(f) => Route::Framework(f.id),
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The path relative to the root, without leading slash; empty for home.
    pub fn path(self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Phases(None) => "phases".into(),
            Route::Phases(Some(id)) => format!("phases/{id}"),
            Route::PhasesCompare => "phases/compare".into(),
            Route::Chronology => "chronology".into(),
            Route::Framework(id) => id.into(),
            Route::Assessment => "assessment".into(),
            Route::Quiz => "quiz".into(),
            Route::Progress => "progress".into(),
            Route::Debrief => "debrief".into(),
            Route::Sources => "sources".into(),
            Route::About => "about".into(),
            Route::NotFound => "not-found".into(),
        }
    }

    /// How many folders deep the route's prerendered file is (`phases/solomo/index.html`: 2).
    pub fn depth(self) -> usize {
        let p = self.path();
        if p.is_empty() {
            0
        } else {
            p.split('/').count()
        }
    }

    /// The screen of a framework (the phases framework has its own timeline screen).
    pub fn of_framework(id: &'static str) -> Route {
        if id == "phases" {
            Route::Phases(None)
        } else {
            Route::Framework(id)
        }
    }

    /// The framework whose screen this is, for "visited" progress and sources.
    pub fn framework_id(self) -> Option<&'static str> {
        match self {
            Route::Phases(_) | Route::PhasesCompare => Some("phases"),
            Route::Framework(id) => Some(id),
            _ => None,
        }
    }

    /// The text packs its screen shows (see `content::tables`): pack 0, which holds what every
    /// screen may show, then what this one adds: a framework's own texts, the items' names, the
    /// questions, the screen's own interface and description (`SCREEN_FILES` in build.rs), the
    /// interface the screens drawn with the screens' style sheet share (`STYLED_FILES`), the tool
    /// screens' shared interface. The debrief's figures, drawn once the trainer reads the
    /// codes, bring theirs (`views::debrief::FIGURES_PACKS`).
    pub fn text_packs(self) -> crate::content::tables::Packs {
        use crate::content::tables::{
            framework_packs, ABOUT_PACK, ASSESSMENT_PACK, CHRONOLOGY_PACK, DEBRIEF_PACK,
            ITEMS_PACK, NOT_FOUND_PACK, PHASES_PACK, PROGRESS_PACK, QUESTIONS_PACK, QUIZ_PACK,
            SHARED_PACK, SOURCES_PACK, TOOLS_PACK,
        };
        let (items, questions, tools) = (1 << ITEMS_PACK, 1 << QUESTIONS_PACK, 1 << TOOLS_PACK);
        let shared = if self.screens_style() {
            1 << SHARED_PACK
        } else {
            0
        };
        1 | shared
            | match self {
                Route::Home => 0,
                Route::Sources => 1 << SOURCES_PACK,
                Route::About => 1 << ABOUT_PACK,
                Route::NotFound => 1 << NOT_FOUND_PACK,
                Route::Phases(_) | Route::PhasesCompare => {
                    framework_packs(self.framework_id().unwrap_or_default()) | 1 << PHASES_PACK
                }
                Route::Framework(_) => framework_packs(self.framework_id().unwrap_or_default()),
                Route::Chronology => tools | 1 << CHRONOLOGY_PACK,
                Route::Debrief => tools | 1 << DEBRIEF_PACK,
                Route::Assessment => items | tools | 1 << ASSESSMENT_PACK,
                Route::Progress => items | tools | 1 << PROGRESS_PACK,
                Route::Quiz => questions | tools | 1 << QUIZ_PACK,
            }
    }

    /// Whether its screen needs the screens' style sheet (`style/screens.css`): all but the home
    /// page, the sources, about and not-found screens, whose pages link only the base sheet (the
    /// home page 1.9 KB lighter before it is live). The prerender links it in the pages of the
    /// others; the chunk loader adds it with their code (`STYLED` in scripts/assemble.mjs).
    pub fn screens_style(self) -> bool {
        !matches!(
            self,
            Route::Home | Route::Sources | Route::About | Route::NotFound
        )
    }

    /// Every route that has a page, in menu order: what the prerender writes and the tests visit.
    pub fn all() -> Vec<Route> {
        let mut v = vec![Route::Home, Route::Phases(None)];
        v.extend(PHASES.iter().map(|p| Route::Phases(Some(p.id))));
        v.push(Route::PhasesCompare);
        v.push(Route::Chronology);
        v.extend(
            FRAMEWORKS
                .iter()
                .filter(|f| f.id != "phases")
                .map(|f| Route::Framework(f.id)),
        );
        v.extend([
            Route::Assessment,
            Route::Quiz,
            Route::Progress,
            Route::Debrief,
            Route::Sources,
            Route::About,
        ]);
        v
    }
}

/// Every framework screen, the phases included: what "every screen visited" means.
pub fn framework_routes() -> impl Iterator<Item = Route> {
    FRAMEWORKS.iter().map(|f| Route::of_framework(f.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chunk_loader_brings_the_screens_style_sheet_to_the_screens_that_need_it() {
        // scripts/assemble.mjs's list of split points that load the sheet with their code.
        let script = include_str!("../scripts/assemble.mjs");
        let at = script
            .find("const STYLED = [")
            .expect("STYLED in assemble.mjs")
            + 16;
        let list = &script[at..at + script[at..].find(']').unwrap()];
        let styled: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .collect();
        let mut routes = Route::all();
        routes.push(Route::NotFound);
        for route in routes {
            assert_eq!(
                styled.contains(&crate::views::chunk(route)),
                route.screens_style(),
                "{route:?}"
            );
        }
        // Presenter mode's slides draw frameworks and the debrief's figures.
        assert!(styled.contains(&"presenter"));
        assert_eq!(styled.len(), 9, "{styled:?}");
    }

    #[test]
    fn only_the_screens_drawn_with_the_screens_style_sheet_wait_for_their_shared_text() {
        use crate::content::tables::SHARED_PACK;
        let mut routes = Route::all();
        routes.push(Route::NotFound);
        for r in routes {
            let needs = r.text_packs() & (1 << SHARED_PACK) != 0;
            assert_eq!(needs, r.screens_style(), "{r:?}");
        }
    }

    #[test]
    fn only_the_tool_screens_wait_for_the_tools_text() {
        use crate::content::tables::{DEBRIEF_PACK, TOOLS_PACK};
        let tools = [
            Route::Chronology,
            Route::Assessment,
            Route::Quiz,
            Route::Progress,
            Route::Debrief,
        ];
        for r in Route::all() {
            let needs = r.text_packs() & (1 << TOOLS_PACK) != 0;
            assert_eq!(needs, tools.contains(&r), "{}", r.path());
            let debrief = r.text_packs() & (1 << DEBRIEF_PACK) != 0;
            assert_eq!(
                debrief,
                r == Route::Debrief,
                "{}: the debrief's own text",
                r.path()
            );
        }
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        for r in Route::all() {
            assert_eq!(Route::parse(&r.path()), r, "{}", r.path());
            assert_eq!(Route::parse(&format!("/{}/", r.path())), r);
            assert_eq!(Route::parse(&format!("{}/index.html", r.path())), r);
        }
    }

    #[test]
    fn the_menu_lists_every_screen_that_is_not_a_framework() {
        let listed: Vec<Route> = SCREENS.iter().map(|s| s.route).collect();
        for r in Route::all() {
            let framework = matches!(r, Route::Framework(_) | Route::Phases(Some(_)));
            assert!(
                framework || listed.contains(&r),
                "{r:?} is missing from SCREENS"
            );
        }
        assert_eq!(SCREENS.iter().filter(|s| s.primary).count(), 5);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for p in ["nope", "phases/nope", "usages/extra", "a/b/c"] {
            assert_eq!(Route::parse(p), Route::NotFound, "{p}");
        }
    }

    #[test]
    fn routes_are_unique_and_cover_every_framework() {
        let all = Route::all();
        let paths: std::collections::BTreeSet<_> = all.iter().map(|r| r.path()).collect();
        assert_eq!(paths.len(), all.len());
        for r in framework_routes() {
            assert!(all.contains(&r));
        }
        assert_eq!(Route::Phases(Some("solomo")).depth(), 2);
        assert_eq!(Route::Home.depth(), 0);
        assert!(all.contains(&Route::Debrief), "the debrief is prerendered");
        assert_eq!(Route::parse("debrief/"), Route::Debrief);
    }
}
