//! Markup written as one string and parsed by the browser (`inner_html`), where typed views would
//! cost code in a chunk for parts that change only as a whole: the debrief's tables, the
//! timeline's rows and tracks.

/// Text for the markup, added to `out`: `&`, `<`, `>` and quotes escaped. One string for a
/// whole table, no string per cell: at 200 codes the debrief's allocations alone were 6 ms at CPU
/// 4x.
pub fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// An element holding only text, added to `out`: its opening tag as given (`<h2 id="x">`), the
/// text escaped, and its closing tag.
pub fn element(out: &mut String, open: &str, text: &str) {
    out.push_str(open);
    esc(out, text);
    let name = open[1..].split([' ', '>']).next().unwrap_or_default();
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// A list item for a framework seen or not, opened and added to `out` with its mark: the class
/// `seen` and a tick, or a ring (the mark is hidden from screen readers; the item says it in words).
/// The home screen's glances and the progress screen's list alike.
pub fn seen_item(out: &mut String, seen: bool) {
    out.push_str(if seen {
        r#"<li class="seen"><span class="mark" aria-hidden="true">✓</span>"#
    } else {
        r#"<li><span class="mark" aria-hidden="true">○</span>"#
    });
}

/// Each child element of `holder`, with its index: how the effects that set states on markup in
/// place (the quiz's options, the timeline's rows) reach the elements the markup made.
#[cfg(target_arch = "wasm32")]
pub fn each_child(holder: &web_sys::Element, mut f: impl FnMut(usize, web_sys::Element)) {
    let children = holder.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            f(i as usize, child);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_in_the_markup_is_escaped() {
        let mut s = String::new();
        super::esc(&mut s, "a<b>\"R&D\" l'an</b>");
        assert_eq!(s, "a&lt;b&gt;&quot;R&amp;D&quot; l&#39;an&lt;/b&gt;");
        let mut e = String::new();
        super::element(&mut e, r#"<h2 id="x">"#, "R&D");
        super::element(&mut e, "<p>", "");
        assert_eq!(e, r#"<h2 id="x">R&amp;D</h2><p></p>"#);
    }
}
