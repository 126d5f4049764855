//! Small line drawings, inline SVG drawn in the text's colour: no request, no style attribute.
//! Each article's family of frameworks has its own (`Article::icon`), and the menu button one.

use leptos::prelude::*;

/// The path of a named drawing on a 24 × 24 grid, if there is one.
pub fn path(name: &str) -> Option<&'static str> {
    Some(match name {
        // Three stacked layers: the three digital phases.
        "layers" => "M12 3 3 8l9 5 9-5zM3 12.5l9 5 9-5M3 17l9 5 9-5",
        // A loop with its arrow: iteration over revolution.
        "cycle" => "M20 12a8 8 0 1 1-2.4-5.7M20 3.5V9h-5.5",
        // A pediment on columns: the pillars of the post-digital era.
        "pillars" => "M3 21h18M3 9h18M12 3 3 9M12 3l9 6M6 9v12M10 9v12M14 9v12M18 9v12",
        // A spark: AI reshaping the work.
        "spark" => "M12 2v5M12 17v5M2 12h5M17 12h5M5 5l3.5 3.5M15.5 15.5 19 19M5 19l3.5-3.5M15.5 8.5 19 5",
        // Two people: the humans of the digital trend.
        "people" => "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 21a6.5 6.5 0 0 1 13 0M16 4.2a3.5 3.5 0 0 1 0 6.6M18 14.5a6.5 6.5 0 0 1 3.5 6.5",
        "menu" => "M4 6h16M4 12h16M4 18h16",
        "close" => "M6 6l12 12M18 6 6 18",
        _ => return None,
    })
}

/// A named drawing, hidden from screen readers (the text beside it says the same).
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class=format!("icon icon-{name}") viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d=path(name).unwrap_or_default()></path>
        </svg>
    }
}

/// The same drawing as markup, added to `out` (the header, see `components::markup`).
pub fn html(out: &mut String, name: &str) {
    out.push_str(r#"<svg class="icon icon-"#);
    out.push_str(name);
    out.push_str(r#"" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d=""#);
    out.push_str(path(name).unwrap_or_default());
    out.push_str(r#""></path></svg>"#);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ARTICLES;

    #[test]
    fn every_article_icon_is_drawn() {
        for a in ARTICLES {
            assert!(
                path(a.icon).is_some(),
                "{}: no drawing for {}",
                a.id,
                a.icon
            );
        }
        assert!(path("menu").is_some() && path("nope").is_none());
    }

    #[test]
    fn the_markup_and_the_view_draw_the_same() {
        let owner = Owner::new();
        owner.with(|| {
            // The same elements and attributes, in any order of attributes.
            let parts = |html: &str| {
                let mut parts = vec![];
                for tag in html.split(['<', '>']).filter(|t| !t.is_empty()) {
                    let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
                    parts.push(name.to_string());
                    let mut attrs: Vec<&str> = attrs.split_terminator("\" ").collect();
                    attrs.sort();
                    parts.extend(attrs.iter().map(|a| a.trim_end_matches('"').to_string()));
                }
                parts
            };
            for name in ["menu", "layers"] {
                let mut markup = String::new();
                html(&mut markup, name);
                let view = view! { <Icon name/> }.to_html();
                assert_eq!(parts(&view), parts(&markup), "{view}\n{markup}");
                assert!(markup.starts_with("<svg ") && markup.ends_with("</path></svg>"));
            }
        });
    }
}
