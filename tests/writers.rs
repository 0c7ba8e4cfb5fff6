//! Several writers on one review file: every `pizhu import` that says it
//! saved (exit code 0) has its notes in the file, whatever other imports run
//! at the same time or are killed half-way, and no temporary file survives.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pizhu::core::file::review::{Parsed, ReviewFile};

/// The embedded article's words that the notes are attached to: each found
/// once, so every import places its note for certain.
const QUOTES: [&str; 4] = ["人力資源和社會保障廳", "黃麟英", "濟寧工作", "簽約儀式前"];

/// A W3C annotations file with one note whose body is `body`.
fn annotation(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join(format!("{body}.jsonld"));
    let quote = QUOTES[body.len() % QUOTES.len()];
    let json = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "bodyValue": body,
        "target": {
            "source": "urn:pizhu:article",
            "selector": {"type": "TextQuoteSelector", "exact": quote}
        }
    });
    std::fs::write(&path, json.to_string()).unwrap();
    path
}

/// `pizhu import FILE --notes REVIEW`, started, not waited for.
fn start_import(file: &Path, review: &Path, data: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .arg("import")
        .arg(file)
        .arg("--notes")
        .arg(review)
        .env("PIZHU_DATA_DIR", data)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The bodies of the notes in the review file, which must parse.
fn bodies(review: &Path) -> Vec<String> {
    let bytes = std::fs::read(review).unwrap();
    let Ok(Parsed::Current(file)) = ReviewFile::parse(&bytes) else {
        panic!("the review file is whole and readable");
    };
    file.notes.into_iter().map(|n| n.body).collect()
}

/// Names of the temporary files left in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn four_writers_at_once_lose_no_note() {
    const WRITERS: usize = 4;
    const ROUNDS: usize = 25;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("輸入");
    std::fs::create_dir(&inputs).unwrap();
    let review = dir.path().join("共用.pizhu.json");
    let data = dir.path().join("資料");
    let files: Vec<Vec<PathBuf>> = (0..WRITERS)
        .map(|w| {
            (0..ROUNDS)
                .map(|r| annotation(&inputs, &format!("寫手{w}第{r}則")))
                .collect()
        })
        .collect();

    let start = Instant::now();
    let writers: Vec<_> = files
        .into_iter()
        .map(|files| {
            let (review, data) = (review.clone(), data.clone());
            std::thread::spawn(move || {
                for file in files {
                    let out = start_import(&file, &review, &data)
                        .wait_with_output()
                        .unwrap();
                    assert_eq!(
                        out.status.code(),
                        Some(0),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let took = start.elapsed();

    let mut saved = bodies(&review);
    saved.sort();
    let mut expected: Vec<String> = (0..WRITERS)
        .flat_map(|w| (0..ROUNDS).map(move |r| format!("寫手{w}第{r}則")))
        .collect();
    expected.sort();
    assert_eq!(saved, expected, "exactly the {} notes", WRITERS * ROUNDS);
    assert_eq!(temps(dir.path()), Vec::<String>::new());
    // The figure for BENCHMARKS.md (`cargo test --test writers -- --nocapture`).
    println!(
        "{WRITERS} writers × {ROUNDS} imports: {} notes in {:.2} s",
        saved.len(),
        took.as_secs_f64()
    );
}

#[test]
#[cfg(unix)]
fn a_writer_killed_mid_save_loses_no_note_that_was_reported_saved() {
    const ROUNDS: usize = 30;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("輸入");
    std::fs::create_dir(&inputs).unwrap();
    let review = dir.path().join("共用.pizhu.json");
    let data = dir.path().join("資料");

    // A steady writer imports one note after another meanwhile.
    let steady = {
        let (inputs, review, data) = (inputs.clone(), review.clone(), data.clone());
        std::thread::spawn(move || {
            let mut reported = Vec::new();
            for r in 0..ROUNDS {
                let body = format!("穩定寫手第{r}則");
                let out = start_import(&annotation(&inputs, &body), &review, &data)
                    .wait_with_output()
                    .unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "the steady writer is never stopped"
                );
                reported.push(body);
            }
            reported
        })
    };
    // The other writer is killed at pseudo-random moments of its imports.
    let mut reported = Vec::new();
    let mut killed = 0;
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for r in 0..ROUNDS {
        let body = format!("被殺寫手第{r}則");
        let mut child = start_import(&annotation(&inputs, &body), &review, &data);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(seed % 120));
        // SIGKILL; it may have finished already.
        if child.kill().is_ok() {
            killed += 1;
        }
        if child.wait().unwrap().success() {
            reported.push(body);
        }
    }
    reported.extend(steady.join().unwrap());

    let saved = bodies(&review);
    for body in &reported {
        assert!(
            saved.contains(body),
            "{body} was reported saved and is in the file"
        );
    }
    assert!(killed > 0, "some imports were killed");
    // Whatever the killed saves left beside the file goes with the next save.
    let out = start_import(&annotation(&inputs, "最後一則"), &review, &data)
        .wait_with_output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(temps(dir.path()), Vec::<String>::new());
    assert!(bodies(&review).contains(&"最後一則".to_owned()));
}

#[test]
#[cfg(unix)]
fn import_into_a_read_only_review_is_refused_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("唯讀.pizhu.json");
    let data = dir.path().join("資料");
    let first = annotation(dir.path(), "第一則");
    assert!(
        start_import(&first, &review, &data)
            .wait()
            .unwrap()
            .success()
    );
    std::fs::set_permissions(&review, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&review).unwrap();

    let out = start_import(&annotation(dir.path(), "第二則"), &review, &data)
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("The notes file is read-only"), "{err}");
    assert!(err.contains("Make the file writable"), "{err}");
    assert!(
        err.trim_end().ends_with(&review.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&review).unwrap(), before, "byte-identical");
    let mode = std::fs::metadata(&review).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(temps(dir.path()), Vec::<String>::new());
}

/// Run as another user (uid 1234), an import into root's notes file is
/// refused rather than handing the file to that user; the file is unchanged.
/// Needs root and `setpriv` (skipped otherwise).
#[test]
#[cfg(unix)]
fn a_review_is_never_given_away_to_whoever_saves_it() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("別人的.pizhu.json");
    let data = dir.path().join("資料");
    let first = annotation(dir.path(), "第一則");
    assert!(
        start_import(&first, &review, &data)
            .wait()
            .unwrap()
            .success()
    );
    let meta = std::fs::metadata(&review).unwrap();
    let setpriv = Path::new("/usr/bin/setpriv");
    if meta.uid() != 0 || !setpriv.exists() {
        return; // not root, or no way to become another user
    }
    // The folder and the file are writable for everyone: only the owner
    // stands in the way.
    for path in [dir.path(), &data] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(&review, std::fs::Permissions::from_mode(0o666)).unwrap();
    let before = std::fs::read(&review).unwrap();

    let out = Command::new(setpriv)
        .args(["--reuid=1234", "--regid=1234", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_pizhu"))
        .arg("import")
        .arg(annotation(dir.path(), "第二則"))
        .arg("--notes")
        .arg(&review)
        .env("PIZHU_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("the notes file belongs to another user (user id 0)"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&review.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&review).unwrap(), before, "byte-identical");
    assert_eq!(std::fs::metadata(&review).unwrap().uid(), 0, "still root's");
    assert_eq!(temps(dir.path()), Vec::<String>::new());
}

/// A notes file in a folder its user may not write to (given with
/// `--notes`): no lock file can be made there, and none is needed, as
/// nobody else can replace the file there either; the save says what to do.
/// Needs root and `setpriv` (skipped otherwise).
#[test]
#[cfg(unix)]
fn a_review_in_a_folder_that_cannot_be_written_says_so() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("唯讀資料夾");
    std::fs::create_dir(&folder).unwrap();
    let review = folder.join("批注.pizhu.json");
    let data = dir.path().join("資料");
    std::fs::create_dir(&data).unwrap();
    let setpriv = Path::new("/usr/bin/setpriv");
    if std::fs::metadata(&folder).unwrap().uid() != 0 || !setpriv.exists() {
        return;
    }
    // The file is writable for everyone, its folder only for root.
    assert!(
        start_import(&annotation(dir.path(), "第一則"), &review, &data)
            .wait()
            .unwrap()
            .success()
    );
    std::fs::remove_file(folder.join("批注.pizhu.json.lock")).unwrap();
    std::fs::set_permissions(&review, std::fs::Permissions::from_mode(0o666)).unwrap();
    for path in [dir.path(), &data] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = std::fs::read(&review).unwrap();

    let out = Command::new(setpriv)
        .args(["--reuid=1234", "--regid=1234", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_pizhu"))
        .arg("import")
        .arg(annotation(dir.path(), "第二則"))
        .arg("--notes")
        .arg(&review)
        .env("PIZHU_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("permission was denied"), "{err}");
    assert!(err.contains("check that the folder is writable"), "{err}");
    assert!(
        err.trim_end().ends_with(&review.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&review).unwrap(), before, "byte-identical");
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1, "no lock or temp file made: {left:?}");
}
