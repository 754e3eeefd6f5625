//! The JSON reader (`io::json_read`) against serde_json, which read every board before it:
//! the same texts must be JSON, and strings and numbers must read as the same values
//! (ranks are `f64`s: one unit in the last place moves a card).
#![cfg(not(target_arch = "wasm32"))]

use dealboard::io::json_read::{ErrorKind, Number, Read, Reader};
use proptest::prelude::*;
use serde_json::Value;

/// The whole text is one JSON value.
fn check(text: &str) -> Read<()> {
    let mut r = Reader::new(text, 0);
    r.skip()?;
    r.end()
}

fn is_json(text: &str) -> bool {
    check(text).is_ok()
}

fn serde_says_json(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

#[test]
fn what_is_json_and_what_is_not() {
    let good = [
        r#"{"a": [1, -2.5e3, true, false, null, "x\"y\\u00e9\ud83d\ude00"]}"#,
        " [ ] ",
        "{}",
        "0",
        "-0.0e-0",
        r#""\/\b\f\n\r\t""#,
        "1E+2",
    ];
    for text in good {
        assert!(is_json(text), "{text}");
        assert!(serde_says_json(text), "{text}");
    }
    let bad = [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "tru",
        "nul",
        "[1] [2]",
        "\"a\u{1}b\"",
        r#""\x""#,
        r#""\ud800""#,
        r#""\ud800\u0041""#,
        r#""\udc00""#,
        r#""\u12g4""#,
        "\"open",
        "1e400",
        "{1: 2}",
        "[\"a\" \"b\"]",
    ];
    for text in bad {
        assert!(!is_json(text), "{text:?} read as JSON");
        assert!(!serde_says_json(text), "serde_json read {text:?}");
    }
}

#[test]
fn a_deep_nest_is_refused_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = check(&deep).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Syntax("nested too deeply"));
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(is_json(&fine));
}

#[test]
fn a_syntax_error_says_its_line_and_column() {
    let text = "{\n  \"a\": [1,\n  2,,]\n}";
    let err = check(text).unwrap_err();
    assert_eq!(err.describe(text), "expected a value at line 3 column 5");
    let cut = "{\"a\": \"b";
    assert_eq!(
        check(cut).unwrap_err().describe(cut),
        "the text ends inside a string at line 1 column 9"
    );
}

/// Pieces that JSON texts are made of, good and bad, so that random joins of them are
/// sometimes JSON and often nearly so.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("true".to_string()),
        Just("null".to_string()),
        Just("fals".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\u00e9".to_string()),
        Just("\\ud83d\\ude00".to_string()),
        Just("\\ud83d".to_string()),
        "-?[0-9]{0,3}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{0,3})?",
        "\"[a-zé中 ]{0,4}\"",
        "[a-z]{1,2}",
    ]
}

/// Well-formed JSON values, for the texts that should read.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\]{0,3}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_same_texts_are_json(pieces in prop::collection::vec(piece(), 1..12)) {
        let text = pieces.concat();
        prop_assert_eq!(is_json(&text), serde_says_json(&text), "{:?}", text);
    }

    #[test]
    fn written_json_reads(value in json_value(), pretty in any::<bool>()) {
        let text = match pretty {
            true => serde_json::to_string_pretty(&value).unwrap(),
            false => serde_json::to_string(&value).unwrap(),
        };
        prop_assert!(is_json(&text), "{}", text);
    }

    #[test]
    fn strings_read_as_serde_json_reads_them(s in any::<String>(), escape_all in any::<bool>()) {
        let mut text = serde_json::to_string(&s).unwrap();
        if escape_all {
            // Every character as \uXXXX (pairs for those beyond the BMP).
            text = format!(
                "\"{}\"",
                s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect::<String>()
            );
        }
        let read = Reader::new(&text, 0).string().unwrap();
        prop_assert_eq!(&read, &s);
        prop_assert_eq!(read, serde_json::from_str::<String>(&text).unwrap());
    }

    #[test]
    fn floats_read_as_serde_json_reads_them(f in any::<f64>().prop_filter("finite", |f| f.is_finite())) {
        // As the export writes ranks (shortest form), and in the other forms people write.
        for text in [serde_json::to_string(&f).unwrap(), format!("{f:e}"), format!("{f:.3}")] {
            let read = Reader::new(&text, 0).f64().unwrap();
            let serde: f64 = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(read.to_bits(), serde.to_bits(), "{}", text);
        }
    }

    #[test]
    fn number_texts_read_as_serde_json_reads_them(
        text in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?"
    ) {
        let read = Reader::new(&text, 0).number();
        match serde_json::from_str::<Value>(&text) {
            Err(_) => prop_assert!(read.is_err(), "{}", text),
            Ok(Value::Number(n)) => match read.unwrap() {
                Number::Float(f) => prop_assert_eq!(Some(f.to_bits()), n.as_f64().map(f64::to_bits), "{}", text),
                // serde_json reads -0 as a float, minus zero; a whole number here.
                Number::Whole(w) if n.is_f64() => prop_assert_eq!(w as f64, n.as_f64().unwrap(), "{}", text),
                Number::Whole(w) => prop_assert_eq!(Some(w), n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)), "{}", text),
            },
            Ok(other) => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn whole_numbers_are_exact(n in any::<i64>()) {
        let text = n.to_string();
        prop_assert_eq!(Reader::new(&text, 0).i64().unwrap(), n);
    }
}

#[test]
fn out_of_range_and_fractions_are_problems_where_they_are() {
    let text = r#"[300, 2.5, "7"]"#;
    let mut r = Reader::new(text, 0);
    let mut messages = Vec::new();
    let _ = r.array(&mut |r| {
        let start = r.at;
        if let Err(e) = r.u8() {
            assert_eq!(e.at, start);
            messages.push(match e.kind {
                ErrorKind::Data(message) => message,
                ErrorKind::Syntax(what) => what.to_string(),
            });
        }
        r.at = start;
        r.skip()
    });
    assert_eq!(
        messages,
        [
            "expected a whole number from 0 to 255, found 300",
            "expected a whole number, found floating point `2.5`",
            "expected a number, found string \"7\"",
        ]
    );
}

#[test]
fn nesting_is_limited_where_serde_json_limits_it() {
    for levels in [126, 127, 128, 129] {
        let text = format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
        assert_eq!(is_json(&text), serde_says_json(&text), "{levels} levels");
    }
    assert!(is_json(&format!("{}{}", "[".repeat(127), "]".repeat(127))));
}

/// What the serde build read, read the same: a name as `{"name": null}`, minus zero, and
/// every deal's problem listed even when the stages are not a list.
#[test]
fn unusual_forms_read_as_before() {
    use dealboard::domain::board::StageKind;
    use dealboard::domain::targets::target::SplitMethod;
    use dealboard::io::snapshot::{restore, RestoreError};
    let file = include_str!("fixtures/edge-v3.json");
    let text = file
        .replacen(r#""kind": "open""#, r#""kind": {"open": null}"#, 1)
        .replacen(r#""split": "even""#, r#""split": {"even": null}"#, 1)
        .replacen(r#""rank": 0.1"#, r#""rank": -0"#, 1);
    let board = restore(&text).unwrap().board;
    assert_eq!(board.stages[0].kind, StageKind::Open);
    assert_eq!(board.targets[1].split, Some(SplitMethod::Even));
    let rank = board.deals.iter().find(|d| d.id.0 == "d-2").unwrap().rank;
    assert!(rank == 0.0 && rank.is_sign_negative());

    let broken = file
        .replacen(r#""stages": ["#, r#""stages": null, "old_stages": ["#, 1)
        .replacen(
            r#""value": 1, "currency": "CNY""#,
            r#""value": "x", "currency": "CNY""#,
            1,
        );
    let Err(RestoreError::Invalid(problems)) = restore(&broken) else {
        panic!("expected problems");
    };
    let listed: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(listed[0], "stages: expected a sequence, found null");
    assert!(
        listed.contains(&"deals[2].value: expected a number, found string \"x\"".to_string()),
        "{listed:?}"
    );
}
