//! Makes the screens' message catalogues into Rust.
//!
//! Each `src/ui/messages/<name>.toml` holds one table, named after its enum, with a line per
//! message: `Key = ["ไทย", "English"]` (or the two strings on lines of their own). This
//! writes `$OUT_DIR/messages/<name>.rs`: the enum with one variant per key, in the file's
//! order, and its `ui::i18n::Text` table. The area's `text.rs` includes it, so code names a
//! message by its typed key (`GrantText::Title`): a key that is not in the file, or a
//! message without both texts, fails the build.
//!
//! The files are a small subset of TOML read here by hand (a TOML crate would be another
//! build dependency to compile for one table a file): `#` comments, one `[Table]`, keys,
//! arrays of two basic strings with the escapes `\"`, `\\`, `\n` and `\t`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("src/ui/messages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("messages");
    fs::create_dir_all(&out).expect("OUT_DIR/messages");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("src/ui/messages")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("a readable catalogue");
        let catalogue = parse(&text).unwrap_or_else(|(line, why)| {
            panic!("{}:{line}: {why}", path.display());
        });
        let stem = path.file_stem().expect("a name").to_string_lossy();
        fs::write(out.join(format!("{stem}.rs")), rust(&catalogue)).expect("written");
    }
}

struct Catalogue {
    name: String,
    messages: Vec<(String, String, String)>,
}

/// The catalogue, or the line where it goes wrong and why.
fn parse(text: &str) -> Result<Catalogue, (usize, String)> {
    let mut name = None;
    let mut messages: Vec<(String, String, String)> = Vec::new();
    let mut lines = text.lines().enumerate().map(|(n, l)| (n + 1, l.trim()));
    while let Some((n, line)) = lines.next() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(table) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if name.replace(table.to_string()).is_some() {
                return Err((n, "one [Table] a file".into()));
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err((n, "expected `Key = [\"ไทย\", \"English\"]`".into()));
        };
        let key = key.trim();
        if name.is_none() {
            return Err((n, "a key before the [Table] line".into()));
        }
        if !key.chars().all(|c| c.is_ascii_alphanumeric()) || !key.starts_with(char::is_uppercase) {
            return Err((n, format!("`{key}` is not a CamelCase key")));
        }
        if messages.iter().any(|(k, _, _)| k == key) {
            return Err((n, format!("`{key}` twice")));
        }
        // The array may go on over the following lines until its `]`.
        let mut array = value.trim().to_string();
        while !closed(&array) {
            let Some((_, more)) = lines.next() else {
                return Err((n, format!("`{key}`: no closing ]")));
            };
            array.push_str(more);
        }
        let texts = strings(&array).map_err(|why| (n, format!("`{key}`: {why}")))?;
        let [th, en] = <[String; 2]>::try_from(texts).map_err(|t| {
            (
                n,
                format!("`{key}`: {} texts, want Thai and English", t.len()),
            )
        })?;
        if th.is_empty() || en.is_empty() {
            return Err((n, format!("`{key}`: an empty text")));
        }
        messages.push((key.to_string(), th, en));
    }
    let name = name.ok_or((0, "no [Table] line".to_string()))?;
    Ok(Catalogue { name, messages })
}

/// Whether `s` ends with the `]` of the array (outside any string).
fn closed(s: &str) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    let mut last = None;
    for c in s.chars() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (false, _, '"') => in_string = true,
            _ => {}
        }
        if !in_string && !c.is_whitespace() {
            last = Some(c);
        }
    }
    !in_string && last == Some(']')
}

/// The strings of `["a", "b",]`.
fn strings(array: &str) -> Result<Vec<String>, String> {
    let inner = array
        .strip_prefix('[')
        .and_then(|a| a.strip_suffix(']'))
        .ok_or("not an array [ … ]")?;
    let mut out = Vec::new();
    let mut chars = inner.chars();
    loop {
        match chars.by_ref().find(|c| !c.is_whitespace() && *c != ',') {
            None => return Ok(out),
            Some('"') => {}
            Some(c) => return Err(format!("unexpected `{c}`")),
        }
        let mut s = String::new();
        loop {
            match chars.next().ok_or("a string without its closing quote")? {
                '"' => break,
                '\\' => s.push(match chars.next() {
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some('n') => '\n',
                    Some('t') => '\t',
                    other => return Err(format!("escape \\{other:?} not read here")),
                }),
                c => s.push(c),
            }
        }
        out.push(s);
        if let Some(c) = chars.clone().find(|c| !c.is_whitespace()) {
            if c != ',' {
                return Err(format!("`{c}` after a string"));
            }
        }
    }
}

fn literal(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn rust(c: &Catalogue) -> String {
    let name = &c.name;
    let mut s = String::new();
    writeln!(
        s,
        "/// Generated by build.rs from src/ui/messages: one variant per message."
    )
    .ok();
    writeln!(s, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]").ok();
    writeln!(s, "pub enum {name} {{").ok();
    for (key, _, _) in &c.messages {
        writeln!(s, "    {key},").ok();
    }
    writeln!(s, "}}\n").ok();
    writeln!(s, "impl crate::ui::i18n::Text for {name} {{").ok();
    writeln!(s, "    fn pair(self) -> (&'static str, &'static str) {{").ok();
    writeln!(s, "        match self {{").ok();
    for (key, th, en) in &c.messages {
        let (th, en) = (literal(th), literal(en));
        writeln!(s, "            {name}::{key} => ({th}, {en}),").ok();
    }
    writeln!(s, "        }}\n    }}\n}}").ok();
    s
}
