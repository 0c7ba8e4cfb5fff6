//! Text cut short for a label, a tooltip or a list row.

/// The first `n` chars of `s`, with an ellipsis when cut.
#[must_use]
pub fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn counts_chars_and_marks_the_cut() {
        assert_eq!(short("濟寧市政府", 2), "濟寧…");
        assert_eq!(short("濟寧", 2), "濟寧");
        assert_eq!(short("𠮷濟", 1), "𠮷…");
        assert_eq!(short("", 3), "");
    }
}
