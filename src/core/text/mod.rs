//! From file bytes to clean text: decoding, pinyin cleaning with its offset
//! map, paragraphs and sentences, the document, word segmentation and find.

pub mod charset;
pub mod chosen;
pub mod clean;
pub mod decode;
pub mod document;
pub mod excerpt;
pub mod find;
pub mod linebreak;
pub mod offset;
pub mod script;
pub mod segment;
pub mod terms;
pub mod words;
