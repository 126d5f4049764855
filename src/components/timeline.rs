//! A keyboard-complete timeline: rows of bands (periods) or points (dated facts) over a year axis,
//! with a marker for today. Used by the phases screen and by the chronology.
//!
//! The whole timeline is one tab stop (an ARIA listbox with an active descendant): arrow keys move
//! between rows, Home/End jump, Enter or Space opens the active row, Escape closes. Keys are
//! handled only on the timeline element itself.

use crate::content::{ui, Date};
use crate::state::use_ctx;
use leptos::prelude::*;

/// The layout arithmetic, in percent of the track's width. Pure, tested natively.
pub mod layout {
    use crate::content::Date;

    /// Years of soft edge on either side of an approximate date.
    pub const FUZZ: f32 = 2.5;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Axis {
        pub from: i32,
        pub to: i32,
    }

    impl Axis {
        /// Position of a (fractional) year, clamped to the axis.
        pub fn x(self, year: f32) -> f32 {
            ((year - self.from as f32) / (self.to - self.from) as f32 * 100.0).clamp(0.0, 100.0)
        }

        /// Labelled years: every `step` years within the axis.
        pub fn ticks(self, step: i32) -> Vec<i32> {
            let first = (self.from + step - 1).div_euclid(step) * step;
            (first..=self.to).step_by(step as usize).collect()
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Band {
        pub left: f32,
        pub width: f32,
        /// Width of the fade-in and fade-out, in percent of the band itself.
        pub fade_in: f32,
        pub fade_out: f32,
        /// The article gives no start: the band comes from before the axis.
        pub open_start: bool,
        /// Still running with no end in sight.
        pub open_end: bool,
    }

    /// A period. An approximate date gets a soft edge centred on it; a missing start runs from
    /// the axis start; a missing end runs to the axis end when ongoing, else to today.
    pub fn band(
        axis: Axis,
        start: Option<Date>,
        end: Option<Date>,
        ongoing: bool,
        today: f32,
    ) -> Band {
        let (s, fade_in_years, open_start) = match start {
            Some(Date {
                year,
                approx: false,
            }) => (year as f32, 0.0, false),
            Some(Date { year, approx: true }) => (year as f32 - FUZZ, 2.0 * FUZZ, false),
            None => (axis.from as f32, 2.0 * FUZZ, true),
        };
        let (e, fade_out_years, open_end) = match end {
            Some(Date {
                year,
                approx: false,
            }) => (year as f32 + 1.0, 0.0, false),
            Some(Date { year, approx: true }) => (year as f32 + FUZZ, 2.0 * FUZZ, false),
            None if ongoing => (axis.to as f32, 2.0 * FUZZ, true),
            None => (today, 0.0, false),
        };
        let (left, right) = (axis.x(s), axis.x(e));
        let width = (right - left).max(0.5);
        let span = (e - s).max(0.1);
        let pct = |years: f32| (years / span * 100.0).min(50.0);
        Band {
            left,
            width,
            fade_in: pct(fade_in_years),
            fade_out: pct(fade_out_years),
            open_start,
            open_end,
        }
    }

    /// A dated fact: the middle of its year.
    pub fn point(axis: Axis, date: Date) -> f32 {
        axis.x(date.year as f32 + 0.5)
    }
}

use layout::Axis;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    Band(layout::Band),
    Point { x: f32, approx: bool },
}

/// One row of a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub label: String,
    /// A second line: the period or the date, in words.
    pub detail: String,
    pub mark: Mark,
    /// A CSS modifier (`status-delivered`, …).
    pub kind: &'static str,
}

/// The axis every timeline of the app shares.
pub const AXIS: Axis = Axis {
    from: 1998,
    to: 2032,
};

/// "2012", "vers 2014", or the words for an unknown start.
pub fn date_words(d: Option<Date>, lang: crate::i18n::Lang) -> String {
    d.map_or_else(
        || ui::START_NOT_GIVEN.get(lang).to_string(),
        |d| d.label(lang),
    )
}

#[component]
pub fn Timeline(
    /// Prefix of the rows' element ids.
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] rows: Signal<Vec<Row>>,
    /// The highlighted row.
    active: RwSignal<usize>,
    /// The opened row, if any.
    #[prop(into)]
    open: Signal<Option<usize>>,
    on_open: Callback<usize>,
    on_close: Callback<()>,
    /// Today, as a fractional year.
    today: f32,
) -> impl IntoView {
    let ctx = use_ctx();
    let count = move || rows.with(|r| r.len());
    let announce_active = move || {
        if let Some(r) = rows.with(|r| r.get(active.get_untracked()).cloned()) {
            ctx.say_str(format!("{}. {}", r.label, r.detail));
        }
    };
    let row_id = move |key: &str| format!("{id}-{key}");
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = count();
        if n == 0 {
            return;
        }
        let cur = active.get_untracked().min(n - 1);
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => Some((cur + 1).min(n - 1)),
            "ArrowUp" | "ArrowLeft" => Some(cur.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Enter" | " " => {
                ev.prevent_default();
                on_open.run(cur);
                None
            }
            "Escape" if open.get_untracked().is_some() => {
                ev.prevent_default();
                on_close.run(());
                None
            }
            _ => return,
        };
        if let Some(i) = next {
            ev.prevent_default();
            active.set(i);
            announce_active();
            // The keys are taken from the page, so it cannot scroll: show the row ourselves.
            #[cfg(target_arch = "wasm32")]
            if let Some(r) = rows.with(|r| r.get(i).map(|r| row_id(r.key))) {
                crate::platform::dom::show_by_id(&r);
            }
        }
    };
    // A click on a row: the listbox's rows are markup (`rows_html`), so one handler for them all.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".tl-row").ok().flatten());
        if let Some(i) = row.and_then(|r| r.get_attribute("data-i")?.parse().ok()) {
            active.set(i);
            on_open.run(i);
        }
    };
    // The highlighted and the opened row, set on the rows in place (each keeps its element: the
    // listbox's active descendant). Rows written anew (the language) carry the states as they are.
    let holder = NodeRef::<leptos::html::Div>::new();
    #[cfg(target_arch = "wasm32")]
    crate::state::effect(move |_| {
        let (active, open) = (active.get(), open.get());
        let Some(rows) = holder.get() else { return };
        crate::components::markup::each_child(&rows, |i, row| {
            let classes = row.class_list();
            let _ = classes.toggle_with_force("active", i == active);
            let _ = classes.toggle_with_force("opened", open == Some(i));
            let _ = row.set_attribute("aria-selected", if i == active { "true" } else { "false" });
        });
    });
    let today_x = AXIS.x(today);
    view! {
        <div
            id=format!("{id}-timeline")
            class="timeline"
            role="listbox"
            tabindex="0"
            aria-label=move || label.get()
            aria-activedescendant=move || rows.with(|r| r.get(active.get()).map(|r| row_id(r.key)))
            on:keydown=on_key
        >
            <div class="tl-axis" aria-hidden="true">
                <span class="tl-label"></span>
                <svg class="tl-track" width="100%" height="24" focusable="false" inner_html=axis_svg(today_x)></svg>
            </div>
            <div class="tl-rows" node_ref=holder on:click=on_click inner_html=move || rows.with(|r| rows_html(id, r, active.get_untracked(), open.get_untracked(), today_x))></div>
            <p class="tl-legend" aria-hidden="true">
                <span class="tl-today-key"></span>{crate::state::tr(ui::TODAY)}
            </p>
        </div>
    }
}

/// The rows as markup (see `components::markup`): typed views of each row and of its states were
/// about a third of the chunk the phases screen and the chronology share. Each row is an option
/// of the listbox, with its index for the click and its states as they are now.
fn rows_html(id: &str, rows: &[Row], active: usize, open: Option<usize>, today_x: f32) -> String {
    use crate::components::markup::esc;
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out += &format!(
            r#"<div id="{id}-{}" class="tl-row {}{}{}" role="option" aria-selected="{}" data-i="{i}"><span class="tl-label"><span class="tl-name">"#,
            row.key,
            row.kind,
            if i == active { " active" } else { "" },
            if open == Some(i) { " opened" } else { "" },
            i == active,
        );
        esc(&mut out, &row.label);
        out += r#"</span><span class="tl-detail">"#;
        esc(&mut out, &row.detail);
        out += r#"</span></span><svg class="tl-track" width="100%" height="28" aria-hidden="true" focusable="false">"#;
        out += &track_svg(row.mark, today_x);
        out += "</svg></div>";
    }
    out
}

fn pct(x: f32) -> String {
    crate::components::number::fixed(x, 2) + "%"
}

// The tracks' SVG is written as markup and parsed by the browser (`inner_html`), not built node by
// node: it changes only with the row, and typed views of every SVG element cost code in the
// phases' and the chronology's chunks.

/// The axis's track: a labelled year every five, and today's line.
fn axis_svg(today_x: f32) -> String {
    let mut out = String::new();
    for y in AXIS.ticks(5) {
        let x = pct(AXIS.x(y as f32));
        out += &format!(r#"<text class="tl-tick" x="{x}" y="16" text-anchor="middle">{y}</text>"#);
    }
    out + &today_line(today_x, 18, 24)
}

/// A row's track: its band or point, and today's line.
fn track_svg(mark: Mark, today_x: f32) -> String {
    mark_svg(mark) + &today_line(today_x, 0, 28)
}

fn today_line(x: f32, y1: u8, y2: u8) -> String {
    let x = pct(x);
    format!(r#"<line class="tl-today" x1="{x}" x2="{x}" y1="{y1}" y2="{y2}"></line>"#)
}

/// Steps of a soft edge: the band fades in over `STEPS` slices of rising opacity. Drawn with SVG
/// attributes only (no inline styles, so a strict CSP holds; no gradient `url(#…)`, which a
/// `<base href>` can break).
const STEPS: usize = 5;

fn mark_svg(mark: Mark) -> String {
    let rect = |x: f32, width: f32, opacity: Option<f32>| {
        let fill = opacity.map_or(String::new(), |o| {
            format!(
                r#" fill-opacity="{}""#,
                crate::components::number::fixed(o, 2)
            )
        });
        format!(
            r#"<rect class="tl-band" x="{}" y="6" width="{}" height="16"{fill}></rect>"#,
            pct(x),
            pct(width)
        )
    };
    match mark {
        Mark::Band(b) => {
            let fade_in = b.width * b.fade_in / 100.0;
            let fade_out = b.width * b.fade_out / 100.0;
            let solid_left = b.left + fade_in;
            let solid_width = (b.width - fade_in - fade_out).max(0.0);
            let slices = |from: f32, width: f32, rising: bool| {
                (0..STEPS)
                    .map(|k| {
                        let w = width / STEPS as f32;
                        let opacity = (k as f32 + 0.5) / STEPS as f32;
                        let opacity = if rising { opacity } else { 1.0 - opacity };
                        rect(from + w * k as f32, w + 0.05, Some(opacity))
                    })
                    .collect::<String>()
            };
            let mut class = String::from("tl-band-group");
            if b.open_start {
                class += " open-start";
            }
            if b.open_end {
                class += " open-end";
            }
            let mut out = format!(r#"<g class="{class}">"#);
            if fade_in > 0.0 {
                out += &slices(b.left, fade_in, true);
            }
            out += &rect(solid_left, solid_width, None);
            if fade_out > 0.0 {
                out += &slices(solid_left + solid_width, fade_out, false);
            }
            out + "</g>"
        }
        Mark::Point { x, approx } => format!(
            r#"<circle class="tl-point{}" cx="{}" cy="14" r="7"></circle>"#,
            if approx { " approx" } else { "" },
            pct(x)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::layout::*;
    use crate::content::Date;

    #[test]
    fn tracks_are_written_as_svg_markup() {
        use super::{mark_svg, track_svg, Mark, STEPS};
        let soft = band(
            A,
            None,
            Some(Date {
                year: 2010,
                approx: true,
            }),
            false,
            2026.0,
        );
        let svg = mark_svg(Mark::Band(soft));
        assert!(
            svg.starts_with(r#"<g class="tl-band-group open-start">"#),
            "{svg}"
        );
        // Soft edges on both sides: STEPS slices each, and the solid part between.
        assert_eq!(svg.matches("<rect ").count(), 2 * STEPS + 1, "{svg}");
        assert_eq!(svg.matches("fill-opacity=").count(), 2 * STEPS);
        assert!(svg.ends_with("</rect></g>"));
        let point = track_svg(
            Mark::Point {
                x: 50.0,
                approx: true,
            },
            75.0,
        );
        assert_eq!(
            point,
            r#"<circle class="tl-point approx" cx="50%" cy="14" r="7"></circle><line class="tl-today" x1="75%" x2="75%" y1="0" y2="28"></line>"#
        );
    }

    #[test]
    fn rows_are_options_with_their_states_and_escaped_text() {
        use super::{rows_html, Mark, Row};
        let row = |key, label: &str| Row {
            key,
            label: label.into(),
            detail: "2010 – 2015".into(),
            mark: Mark::Point {
                x: 10.0,
                approx: false,
            },
            kind: "status-x",
        };
        let html = rows_html("t", &[row("a", "R&D <1>"), row("b", "B")], 1, Some(0), 50.0);
        assert_eq!(html.matches(r#"role="option""#).count(), 2);
        assert!(html.starts_with(
            r#"<div id="t-a" class="tl-row status-x opened" role="option" aria-selected="false" data-i="0">"#
        ));
        assert!(html.contains(
            r#"<div id="t-b" class="tl-row status-x active" role="option" aria-selected="true" data-i="1">"#
        ));
        assert!(html.contains("R&amp;D &lt;1&gt;"));
    }

    const A: Axis = Axis {
        from: 2000,
        to: 2040,
    };

    #[test]
    fn axis_maps_years_to_percent_and_clamps() {
        assert_eq!(A.x(2000.0), 0.0);
        assert_eq!(A.x(2020.0), 50.0);
        assert_eq!(A.x(2040.0), 100.0);
        assert_eq!(A.x(1990.0), 0.0);
        assert_eq!(A.x(2050.0), 100.0);
        assert_eq!(
            Axis {
                from: 1998,
                to: 2032
            }
            .ticks(5),
            vec![2000, 2005, 2010, 2015, 2020, 2025, 2030]
        );
    }

    #[test]
    fn exact_span_has_hard_edges() {
        let b = band(
            A,
            Some(Date {
                year: 2010,
                approx: false,
            }),
            Some(Date {
                year: 2019,
                approx: false,
            }),
            false,
            2026.0,
        );
        assert_eq!(
            (b.left, b.width, b.fade_in, b.fade_out),
            (25.0, 25.0, 0.0, 0.0)
        );
    }

    #[test]
    fn approximate_span_has_soft_edges_centred_on_the_dates() {
        let b = band(
            A,
            Some(Date {
                year: 2010,
                approx: true,
            }),
            Some(Date {
                year: 2020,
                approx: true,
            }),
            false,
            2026.0,
        );
        // from 2007.5 to 2022.5: 15 years, each edge fades over 5 years
        assert!((b.left - A.x(2007.5)).abs() < 1e-4);
        assert!((b.width - 37.5).abs() < 1e-4);
        assert!((b.fade_in - 100.0 / 3.0).abs() < 1e-3 && (b.fade_out - 100.0 / 3.0).abs() < 1e-3);
        assert!(!b.open_start && !b.open_end);
    }

    #[test]
    fn unknown_start_and_ongoing_end_run_off_the_axis() {
        let b = band(A, None, None, true, 2026.0);
        assert_eq!((b.left, b.width), (0.0, 100.0));
        assert!(b.open_start && b.open_end);
        assert!(b.fade_in > 0.0 && b.fade_out > 0.0);
    }

    #[test]
    fn a_closed_band_without_end_stops_today() {
        let b = band(
            A,
            Some(Date {
                year: 2020,
                approx: false,
            }),
            None,
            false,
            2026.5,
        );
        assert!((b.left + b.width - A.x(2026.5)).abs() < 1e-4);
    }

    #[test]
    fn fades_never_overlap() {
        let b = band(
            A,
            Some(Date {
                year: 2020,
                approx: true,
            }),
            Some(Date {
                year: 2021,
                approx: true,
            }),
            false,
            2026.0,
        );
        assert!(b.fade_in <= 50.0 && b.fade_out <= 50.0);
    }

    #[test]
    fn points_sit_mid_year_and_today_is_on_the_axis() {
        assert_eq!(
            point(
                A,
                Date {
                    year: 2010,
                    approx: false
                }
            ),
            A.x(2010.5)
        );
        let today = crate::platform::dom::today();
        assert!(today > 2025.0 && today < 2100.0);
        assert!(A.x(today) > 0.0);
    }
}
