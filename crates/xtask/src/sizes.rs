//! Where the app's wasm bytes go, crate by crate, so that a change that makes the first load
//! bigger shows which crate grew (issue 26). Read from the wasm as cargo built it, before
//! `wasm-bindgen` takes out the name section: each function body's bytes are counted for the
//! crate its (demangled) name begins with — for `<a::T as b::Trait>::f` the crate of the type,
//! `a` — and the data section (string constants, tables) is one row of its own. The figures are
//! of that module, which is a little larger than the one served (the bindings' descriptors go).

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result};
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Bytes per part of the module, largest first.
pub struct Breakdown {
    /// (crate, bytes of its function bodies), largest first.
    pub crates: Vec<(String, u64)>,
    /// Bytes of the data section.
    pub data: u64,
    /// Bytes of the whole module.
    pub total: u64,
}

/// The crate a demangled symbol belongs to: its path's first segment (past any `<`, `&`, `*`,
/// `mut ` or `dyn `); for `<F as a::Trait>::f`, where the type is a generic parameter, the
/// trait's crate; for `<str>::f` and the like, methods on primitives, "(std, primitives)";
/// functions without a Rust path (the C runtime's `memcpy`, the bindings' shims) "(no crate)".
pub fn crate_of(demangled: &str) -> String {
    if let Some(k) = path_crate(demangled) {
        return k;
    }
    if let Some(rest) = demangled.strip_prefix('<') {
        if let Some(k) = top_level_as(rest).and_then(|i| path_crate(&rest[i + 4..])) {
            return k;
        }
        return "(std, primitives)".to_owned();
    }
    "(no crate)".to_owned()
}

/// The first segment of the path `s` begins with, if it begins with one.
fn path_crate(s: &str) -> Option<String> {
    let mut s = s.trim_start();
    loop {
        let before = s;
        s = s.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        for p in ["mut ", "dyn ", "const "] {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    let first: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!first.is_empty() && s[first.len()..].starts_with("::")).then_some(first)
}

/// Where ` as ` stands outside any inner `<…>` in `s` (the inside of `<T as Trait>`).
fn top_level_as(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if depth == 0 => return None,
            '>' => depth -= 1,
            ' ' if depth == 0 && s[i..].starts_with(" as ") => return Some(i),
            _ => {}
        }
    }
    None
}

/// The breakdown of the wasm module `wasm`.
pub fn breakdown(wasm: &[u8]) -> Result<Breakdown> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut names = HashMap::new();
    let mut data = 0u64;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("the app's wasm does not parse")? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::DataSection(reader) => data += reader.range().len() as u64,
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for part in reader {
                        if let Name::Function(map) = part? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    for (i, bytes) in bodies.into_iter().enumerate() {
        let index = imported + i as u32;
        let krate = match names.get(&index) {
            Some(n) => crate_of(&format!("{:#}", rustc_demangle::demangle(n))),
            None => "(unnamed)".to_owned(),
        };
        *by_crate.entry(krate).or_default() += bytes;
    }
    let mut crates: Vec<(String, u64)> = by_crate.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Breakdown {
        crates,
        data,
        total: wasm.len() as u64,
    })
}

/// The breakdown as a table (the `rows` largest crates, then the rest summed), tab-separated:
/// what `cargo xtask build` writes to `target/wasm-crates.tsv` and prints.
pub fn table(b: &Breakdown, rows: usize) -> String {
    let mut out = String::from("part\tbytes\n");
    for (name, bytes) in b.crates.iter().take(rows) {
        out.push_str(&format!("{name}\t{bytes}\n"));
    }
    let rest: u64 = b.crates.iter().skip(rows).map(|c| c.1).sum();
    if rest > 0 {
        let n = b.crates.len() - rows;
        out.push_str(&format!("({n} more crates)\t{rest}\n"));
    }
    out.push_str(&format!("(data section)\t{}\n", b.data));
    out.push_str(&format!("(whole module)\t{}\n", b.total));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, DataSection, EntityType, Function, FunctionSection, ImportSection,
        Instruction, Module, NameMap, NameSection, TypeSection,
    };

    #[test]
    fn a_symbol_belongs_to_the_crate_its_path_begins_with() {
        assert_eq!(crate_of("leptos::mount::mount_to"), "leptos");
        assert_eq!(
            crate_of("<speelruimte_ink::Outline as core::fmt::Debug>::fmt"),
            "speelruimte_ink"
        );
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R>>::parse"),
            "serde_json"
        );
        assert_eq!(crate_of("<dyn core::any::Any>::type_id"), "core");
        assert_eq!(
            crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke"),
            "tachys"
        );
        assert_eq!(
            crate_of("<Vec<T> as serde_core::Serialize>::serialize"),
            "serde_core"
        );
        assert_eq!(
            crate_of("<f64 as core::str::traits::FromStr>::from_str"),
            "core"
        );
        assert_eq!(crate_of("<str>::to_lowercase"), "(std, primitives)");
        assert_eq!(crate_of("memcpy"), "(no crate)");
        assert_eq!(crate_of("__wbindgen_malloc"), "(no crate)");
    }

    /// A module with one imported function, three bodies of known sizes named with legacy
    /// mangled names of two crates, and 100 bytes of data.
    fn module() -> (Vec<u8>, [u64; 3]) {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import("env", "f", EntityType::Function(0));
        m.section(&imports);
        let mut funcs = FunctionSection::new();
        for _ in 0..3 {
            funcs.function(0);
        }
        m.section(&funcs);
        let mut code = CodeSection::new();
        let mut sizes = [0u64; 3];
        for (i, nops) in [10usize, 200, 3000].into_iter().enumerate() {
            let mut f = Function::new([]);
            for _ in 0..nops {
                f.instruction(&Instruction::Nop);
            }
            f.instruction(&Instruction::End);
            let before = code.byte_len();
            code.function(&f);
            sizes[i] = (code.byte_len() - before) as u64;
        }
        m.section(&code);
        let mut data = DataSection::new();
        data.passive([7u8; 100]);
        m.section(&data);
        let mut names = NameMap::new();
        names.append(0, "env_f");
        names.append(1, "_ZN4core3fmt5write17h0123456789abcdefE");
        names.append(2, "_ZN15speelruimte_web4main17h0123456789abcdefE");
        names.append(3, "_ZN15speelruimte_web3app17h0123456789abcdefE");
        let mut section = NameSection::new();
        section.functions(&names);
        m.section(&section);
        (m.finish(), sizes)
    }

    #[test]
    fn each_body_is_counted_for_its_crate_past_the_imports() {
        let (wasm, sizes) = module();
        let b = breakdown(&wasm).unwrap();
        // A body's size as counted excludes its length prefix (1 or 2 bytes here).
        let web = b
            .crates
            .iter()
            .find(|c| c.0 == "speelruimte_web")
            .unwrap()
            .1;
        let core = b.crates.iter().find(|c| c.0 == "core").unwrap().1;
        assert!(
            web < sizes[1] + sizes[2] && web >= sizes[1] + sizes[2] - 4,
            "{web} {sizes:?}"
        );
        assert!(core < sizes[0] && core >= sizes[0] - 2, "{core} {sizes:?}");
        assert_eq!(b.crates[0].0, "speelruimte_web", "largest first");
        assert!(b.data >= 100 && b.data < 110, "{}", b.data);
        assert_eq!(b.total, wasm.len() as u64);
        let t = table(&b, 1);
        assert!(t.starts_with("part\tbytes\nspeelruimte_web\t"), "{t}");
        assert!(t.contains("(1 more crates)\t"), "{t}");
    }
}
