//! Folder walks end and count what they could not read: link loops
//! (`d/self -> .`, `d/sub/up -> ..`) and two names for one file are walked
//! once with a note; a dangling link or a folder one may not list is an
//! error of its own (exit code 1) while the rest is still read.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use super::support::byline;
use crate::formats::collect_inputs;

fn article(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn link_loops_end_and_each_folder_and_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    article(&d, "a.txt", "“Oui,” dit Zoë Müller.\n");
    article(
        &d,
        "sub/b.txt",
        "北京 talks: Ana Díaz said the port would reopen.\n",
    );
    symlink(".", d.join("self")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    symlink("a.txt", d.join("twin.txt")).unwrap();

    let collected = collect_inputs(std::slice::from_ref(&d));
    assert_eq!(collected.inputs, [d.join("a.txt"), d.join("sub/b.txt")]);
    assert!(
        collected.unreadable.is_empty(),
        "{:?}",
        collected.unreadable
    );
    let notes: Vec<String> = collected.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [format!(
            "3 folder(s) or file(s) reached again through links (self, sub/up, twin.txt); \
             each is read once: {}",
            d.display()
        )]
    );

    let run = byline(["convert", d.to_str().unwrap(), "--to", "byline"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.out.lines().count(), 2, "{}", run.out);
    assert!(
        run.err.contains("reached again through links"),
        "{}",
        run.err
    );
}

#[test]
fn an_unreadable_entry_is_an_error_and_the_rest_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    article(&d, "a.txt", "“Oui,” dit Zoë Müller.\n");
    symlink("nowhere.txt", d.join("gone.txt")).unwrap();
    symlink("missing-folder", d.join("gone")).unwrap();

    let collected = collect_inputs(std::slice::from_ref(&d));
    assert_eq!(collected.inputs, [d.join("a.txt")]);
    let unreadable: Vec<String> = collected
        .unreadable
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert!(
        unreadable[0].starts_with("cannot read: No such file")
            && unreadable[0].ends_with(&d.join("gone").display().to_string()),
        "{unreadable:?}"
    );

    let project = dir.path().join("p.byline");
    let commands: [Vec<&str>; 3] = [
        vec!["convert", "--to", "byline"],
        vec!["suggest"],
        vec!["import", "--project", project.to_str().unwrap()],
    ];
    for command in commands {
        let mut args = command.clone();
        args.push(d.to_str().unwrap());
        let run = byline(args);
        assert_eq!(run.code, 1, "{command:?}: {}", run.err);
        assert!(run.err.contains("gone.txt"), "{command:?}: {}", run.err);
        assert!(
            run.err.contains("2 input(s) could not be read"),
            "{command:?}: {}",
            run.err
        );
        if command[0] != "import" {
            assert_eq!(
                run.out.lines().count(),
                1,
                "{command:?}: the rest is written"
            );
        }
    }
}

#[test]
fn a_folder_one_may_not_list_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    article(&d, "a.txt", "“Oui,” dit Zoë Müller.\n");
    article(&d, "locked/b.txt", "Ana Díaz said so.\n");
    let locked = d.join("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let listable = fs::read_dir(&locked).is_ok();
    let run = byline(["convert", d.to_str().unwrap(), "--to", "byline"]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if listable {
        // Root may list anything: nothing to test here.
        assert_eq!(run.code, 0, "{}", run.err);
        return;
    }
    assert_eq!(run.code, 1, "{}", run.err);
    assert!(
        run.err.contains("cannot list folder") && run.err.contains("locked"),
        "{}",
        run.err
    );
    assert_eq!(run.out.lines().count(), 1, "{}", run.out);
}
