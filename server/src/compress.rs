//! Pages and calls compressed on the way out, each body at once.
//!
//! Every page is rendered whole before it is sent (`SsrMode::Async`), so there is nothing to
//! stream: compressing the finished body in one call costs a fraction of a streaming encoder,
//! which sets up a 4 MB brotli window per response and flushes each chunk on its own (tower-http's
//! `CompressionLayer` took a third of an uncached campaign page's time, perf). Rendered bodies
//! go out as gzip at level 1 (zlib-rs: the 45 KB campaign page in 77 µs, 14.4 KB; level 3 takes
//! 170 µs for 10.8 KB, brotli at quality 2 about 350 µs for as much): a page rendered per
//! visitor is sent once, so its compression must cost less than the bytes it saves. Brotli only
//! for a browser that takes nothing else.
//! Cached pages (live::cache) and the `/pkg/` files come compressed already and pass untouched.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use flate2::{Compress, FlushCompress, Status};
use futures_util::StreamExt;
use std::cell::RefCell;
use std::io::Write;

/// Smaller bodies go out as they are: their compressed form would hardly be smaller.
const MIN_SIZE: usize = 1024;
/// Larger bodies (an export) are sent as they come, uncompressed, rather than held in memory.
const MAX_SIZE: usize = 4 * 1024 * 1024;

/// The middleware, outside every route.
pub async fn compress(request: Request, next: Next) -> Response {
    let coding = if request.method() == Method::HEAD { None } else { Coding::chosen(request.headers()) };
    let response = next.run(request).await;
    let Some(coding) = coding.filter(|_| compressible(&response)) else { return response };
    let (mut parts, body) = response.into_parts();
    let mut stream = body.into_data_stream();
    let mut whole = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(e) => {
                tracing::warn!(error = %e, "compression: the response body failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        if whole.len() + chunk.len() > MAX_SIZE {
            let head = futures_util::stream::iter([Ok(Bytes::from(whole)), Ok(chunk)]);
            return Response::from_parts(parts, Body::from_stream(head.chain(stream)));
        }
        whole.extend_from_slice(&chunk);
    }
    add_vary(&mut parts.headers);
    if whole.len() < MIN_SIZE {
        return Response::from_parts(parts, Body::from(whole));
    }
    let Some(compressed) = coding.encode(&whole) else { return Response::from_parts(parts, Body::from(whole)) };
    parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding.name()));
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ACCEPT_RANGES);
    Response::from_parts(parts, Body::from(compressed))
}

/// A body worth compressing: text of some kind, not encoded yet, not an event stream (its
/// events must leave one by one), not a part of a file.
fn compressible(response: &Response) -> bool {
    let headers = response.headers();
    if headers.contains_key(header::CONTENT_ENCODING)
        || headers.contains_key(header::CONTENT_RANGE)
        || matches!(response.status(), StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED)
    {
        return false;
    }
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let kind = kind.split(';').next().unwrap_or_default().trim();
    (kind.starts_with("text/") && kind != "text/event-stream")
        || matches!(
            kind,
            "application/json" | "application/javascript" | "application/xml" | "image/svg+xml" | "application/wasm"
        )
}

/// The response differs by `Accept-Encoding`: caches must keep one copy per coding.
fn add_vary(headers: &mut HeaderMap) {
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|name| name.trim().eq_ignore_ascii_case("accept-encoding")));
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

/// Whether the request accepts `coding` (`Accept-Encoding`, a `q=0` refusing it).
pub fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |c| {
            let mut parts = c.split(';');
            parts.next().is_some_and(|name| name.trim().eq_ignore_ascii_case(coding))
                && !parts.any(|p| p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>() == Ok(0.0)))
        },
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Gzip,
    Brotli,
}

impl Coding {
    fn chosen(headers: &HeaderMap) -> Option<Coding> {
        if accepts(headers, "gzip") {
            Some(Coding::Gzip)
        } else if accepts(headers, "br") {
            Some(Coding::Brotli)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Coding::Gzip => "gzip",
            Coding::Brotli => "br",
        }
    }

    fn encode(self, body: &[u8]) -> Option<Vec<u8>> {
        match self {
            Coding::Gzip => gzip(body, 1),
            Coding::Brotli => Some(brotli(body, 2, 18)),
        }
    }
}

/// `body` gzip-compressed at `level` (1 fastest, 9 smallest); `None` if deflate fails (it has
/// no reason to, memory into memory): the body then goes out as it is.
///
/// Each thread keeps one deflate state per level, reset before each body: setting one up
/// allocates and zeroes about 260 KB, which cost more than compressing the campaign page's
/// 45 KB at level 1 (callgrind: 0.44 of its 1.48 million instructions).
pub fn gzip(body: &[u8], level: u32) -> Option<Vec<u8>> {
    thread_local! {
        static DEFLATERS: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    }
    let level = level.min(9);
    DEFLATERS.with_borrow_mut(|deflaters| {
        let index = match deflaters.iter().position(|(kept, _)| *kept == level) {
            Some(index) => index,
            None => {
                deflaters.push((level, Compress::new(flate2::Compression::new(level), false)));
                deflaters.len() - 1
            }
        };
        let deflate = &mut deflaters[index].1;
        // reset before use, once per body: the last body's state (even one left half-done by a
        // panic) leaves nothing behind
        if deflate.total_in() > 0 || deflate.total_out() > 0 {
            deflate.reset();
        }
        gzip_with(deflate, body)
    })
}

/// The gzip member (RFC 1952) of `body`: a header, the raw deflate stream, its CRC and length.
fn gzip_with(deflate: &mut Compress, body: &[u8]) -> Option<Vec<u8>> {
    // magic, deflate, no flags, no time, no extra flags, unknown system
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut out = Vec::with_capacity(HEADER.len() + body.len() / 3 + 64);
    out.extend_from_slice(&HEADER);
    let mut input = body;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity());
        }
        let read = deflate.total_in();
        let status = deflate.compress_vec(input, &mut out, FlushCompress::Finish);
        // what was read is at most what was given
        let used = usize::try_from(deflate.total_in() - read).unwrap_or(input.len()).min(input.len());
        input = &input[used..];
        match status {
            Ok(Status::StreamEnd) => break,
            Ok(Status::Ok | Status::BufError) => continue,
            Err(e) => {
                tracing::error!(error = %e, "gzip failed");
                return None;
            }
        }
    }
    let mut crc = flate2::Crc::new();
    crc.update(body);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE: the length modulo 2^32
    out.extend_from_slice(&(body.len() as u64 as u32).to_le_bytes());
    Some(out)
}

/// `body` brotli-compressed at `quality` (0 to 11) with a window of 2^`window` bytes.
pub fn brotli(body: &[u8], quality: u32, window: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        let mut brotli = brotli::CompressorWriter::new(&mut out, 4096, quality, window);
        // writing to a Vec cannot fail; the stream is finished when the writer is dropped
        let _ = brotli.write_all(body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn headers(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        headers
    }

    #[test]
    fn gzip_first_brotli_for_who_takes_nothing_else() {
        assert_eq!(Coding::chosen(&headers("gzip, deflate, br, zstd")), Some(Coding::Gzip));
        assert_eq!(Coding::chosen(&headers("br")), Some(Coding::Brotli));
        assert_eq!(Coding::chosen(&headers("gzip;q=0, br")), Some(Coding::Brotli));
        assert_eq!(Coding::chosen(&headers("gzip; q=0.5")), Some(Coding::Gzip));
        assert_eq!(Coding::chosen(&headers("identity")), None);
        assert_eq!(Coding::chosen(&HeaderMap::new()), None);
    }

    fn gunzip(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn both_codings_give_the_body_back() {
        let page = "<p>Une robe en lin, cousue à Genève.</p>".repeat(200);
        assert_eq!(gunzip(&Coding::Gzip.encode(page.as_bytes()).unwrap()), page.as_bytes());
        let mut text = String::new();
        let brotli = Coding::Brotli.encode(page.as_bytes()).unwrap();
        brotli::Decompressor::new(&brotli[..], 4096).read_to_string(&mut text).unwrap();
        assert_eq!(text, page);
    }

    #[test]
    fn a_kept_deflate_state_carries_nothing_from_one_body_to_the_next() {
        // bytes that do not compress make the output outgrow its first guess
        let mut noise = Vec::with_capacity(300_000);
        let mut x: u32 = 0x2545_f491;
        while noise.len() < 300_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.extend_from_slice(&x.to_le_bytes());
        }
        let page = "<li>Atelier de réparation, samedi 14:00–17:00</li>".repeat(1000).into_bytes();
        for (level, body) in [(1, &page), (1, &noise), (6, &page), (1, &page), (6, &noise), (1, &Vec::new())] {
            let gzipped = gzip(body, level).unwrap();
            assert_eq!(&gunzip(&gzipped), body, "level {level}, {} bytes", body.len());
            // the trailer: CRC-32 and length, as any gzip reader checks them
            assert_eq!(gzipped[gzipped.len() - 4..], (body.len() as u32).to_le_bytes());
        }
        assert!(gzip(&page, 1).unwrap().len() < page.len() / 10);
    }

    #[test]
    fn only_text_not_yet_encoded_is_compressed() {
        let response = |kind: &str, encoding: Option<&str>| {
            let mut response = Response::new(Body::empty());
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_str(kind).unwrap());
            if let Some(encoding) = encoding {
                response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_str(encoding).unwrap());
            }
            response
        };
        assert!(compressible(&response("text/html; charset=utf-8", None)));
        assert!(compressible(&response("application/json", None)));
        assert!(!compressible(&response("text/html; charset=utf-8", Some("br"))));
        assert!(!compressible(&response("text/event-stream", None)));
        assert!(!compressible(&response("image/jpeg", None)));
    }
}
