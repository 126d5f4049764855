//! Numbers written for SVG attributes and percentages, with integer arithmetic only: Rust's float
//! formatting (`{:.2}`) brings about 6 KB of code into the wasm for what these few lines do.

/// `x` rounded to `decimals` places (0 to 3), written without trailing zeros: `fixed(12.5, 2)` is
/// "12.5", `fixed(-0.004, 2)` is "0".
pub fn fixed(x: f32, decimals: u32) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let decimals = decimals.min(3);
    let scale = 10i64.pow(decimals);
    // Saturates far beyond any coordinate or percentage we draw.
    let n = (x.clamp(-1e12, 1e12) * scale as f32).round() as i64;
    let (sign, n) = if n < 0 { ("-", -n) } else { ("", n) };
    let (whole, frac) = (n / scale, n % scale);
    let mut out = format!("{sign}{whole}");
    if frac > 0 {
        let mut digits = frac.to_string();
        while digits.len() < decimals as usize {
            digits.insert(0, '0');
        }
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// A share of 1 as a whole percentage: `percent(0.256)` is "26".
pub fn percent(share: f32) -> String {
    fixed(share * 100.0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_float_formatting() {
        for x in [
            0.0, 1.0, 12.5, 12.345, 99.999, 100.0, 0.05, 2.71, -2.5, -0.004, 57.1429,
        ] {
            for d in 0..=3 {
                let ours: f64 = fixed(x, d).parse().unwrap();
                let std: f64 = format!("{x:.*}", d as usize).parse().unwrap();
                assert!(
                    (ours - std).abs() < 1.1 / 10f64.powi(d as i32),
                    "{x} {d}: {ours} vs {std}"
                );
            }
        }
        assert_eq!(fixed(12.5, 2), "12.5");
        assert_eq!(fixed(7.0, 2), "7");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.004, 2), "0");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(percent(0.256), "26");
        assert_eq!(percent(1.0), "100");
        assert_eq!(fixed(0.5, 5), "0.5", "at most 3 decimals");
        assert_eq!(fixed(f32::NAN, 2), "0");
        assert_eq!(fixed(f32::NEG_INFINITY, 2), "0");
    }
}
