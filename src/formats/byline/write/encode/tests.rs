//! The hand-written JSON encoder against serde_json.

use super::*;

#[test]
fn strings_are_written_as_serde_json_writes_them() {
    let cases = [
        "",
        "plain",
        "“curly” Zoë 👍 北京",
        "say \"no\"",
        "back\\slash",
        "\n\n",
        "tab\there",
        "\u{1}\u{1f}\u{7f}",
        "e\u{301}",
    ];
    for s in cases {
        let mut out = Vec::new();
        let mut w = Json::new(&mut out, None);
        w.string(s).unwrap();
        assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
    }
}

#[test]
fn origins_are_written_as_serde_json_writes_them() {
    for origin in [
        Origin::Manual,
        Origin::suggested("rules", "said \"X\"", 0.1),
    ] {
        let mut out = Vec::new();
        let mut w = Json::new(&mut out, None);
        w.origin(&origin).unwrap();
        assert_eq!(out, serde_json::to_vec(&origin).unwrap());
    }
}
