//! Review-file parsing: any bytes parse or give an error with a position;
//! whatever parses survives a save and a second parse unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pizhu::core::file::review::{Parsed, ReviewFile};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(Parsed::Current(review) | Parsed::Newer(review)) = ReviewFile::parse(bytes) {
        let json = review.to_json();
        match ReviewFile::parse(json.as_bytes()) {
            Ok(Parsed::Current(again) | Parsed::Newer(again)) => assert_eq!(again, review),
            Err(e) => panic!("a saved review must parse again: {e}"),
        }
    }
});
