//! Writing SVG text: escaping and number formatting shared by the charts.

/// `text` safe inside SVG/XML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, the precision every mark is placed at.
pub fn n(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The opening `<svg>` of a chart `w`×`h`, with its accessible name.
pub fn open(w: f32, h: f32, label: &str, font_family: Option<&str>) -> String {
    let font = font_family
        .map(|f| format!(" font-family=\"{}\"", esc(f)))
        .unwrap_or_default();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\"{font}><title>{}</title>",
        n(w),
        n(h),
        n(w),
        n(h),
        esc(label),
        esc(label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_label_is_escaped() {
        assert_eq!(
            esc("<b>\"Tom\" & 'Jet'</b>\u{1}"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jet&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn numbers_drop_a_trailing_zero_decimal() {
        assert_eq!(n(34.0), "34");
        assert_eq!(n(12.34), "12.3");
        assert_eq!(n(-8.0), "-8");
    }
}
