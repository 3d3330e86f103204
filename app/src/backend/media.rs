//! Pictures: an upload is checked from its bytes (JPEG, PNG or WebP, whatever its
//! name says), measured from its header before anything is decoded (a small file claiming huge
//! dimensions, an "image bomb", is refused there), decoded within memory limits, and re-encoded
//! by the `image` crate as JPEG at a few widths for `srcset` (re-encoding drops metadata such as
//! GPS positions). Files are named by the content's hash under the media folder and served with
//! long cache headers; a refused or failed upload leaves no file and no row behind.

use super::db::studio::media as db;
use super::AppState;
use crate::domain::CampaignId;
use crate::error::AppError;
use crate::i18n::Key;
/// The formats pictures are written in (re-exported for the upload routes).
pub use image::ImageFormat;
use image::{DynamicImage, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// The largest file accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an upload may claim (40 megapixels: any camera; a bomb claims far more).
const MAX_PIXELS: u64 = 40_000_000;
const MAX_SIDE: u32 = 12_000;
/// The smallest useful picture.
const MIN_WIDTH: u32 = 320;
/// The widths written for `srcset` (those not wider than the original, and at least one).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
const JPEG_QUALITY: u8 = 82;

fn refused(message: Key) -> AppError {
    AppError::invalid("image", message)
}

/// One width written.
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// Under the media folder, with `/` separators: `campaigns/7/ab12…-960.jpg`.
    pub path: String,
}

/// Checks and decodes an upload; the error names what is wrong with it.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, AppError> {
    decode_at_least(bytes, MIN_WIDTH)
}

/// `decode` for pictures that may be as narrow as `min_width` (logos).
pub fn decode_at_least(bytes: &[u8], min_width: u32) -> Result<DynamicImage, AppError> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(Key::ImageTooLarge));
    }
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| refused(Key::ImageNotImage))?;
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) {
        return Err(refused(Key::ImageNotImage));
    }
    // the header alone: a bomb is refused before a byte of it is decoded
    let (width, height) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .and_then(|r| r.into_dimensions().map_err(std::io::Error::other))
        .map_err(|_| refused(Key::ImageNotImage))?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(refused(Key::ImageTooManyPixels));
    }
    if width < min_width {
        return Err(refused(Key::ImageTooSmall));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut reader = reader;
    reader.limits(limits);
    reader.decode().map_err(|_| refused(Key::ImageNotImage))
}

/// Writes the widths of `image` under `folder` (files first written as `.tmp`, then renamed);
/// on any failure, removes what it wrote.
pub fn write_variants(
    image: &DynamicImage,
    folder: &Path,
    campaign: CampaignId,
    hash: &str,
) -> Result<Vec<Variant>, AppError> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w <= image.width()).collect();
    if widths.is_empty() {
        widths.push(image.width());
    }
    let relative = format!("campaigns/{campaign}");
    let dir = folder.join(&relative);
    std::fs::create_dir_all(&dir).map_err(|e| AppError::internal("media folder", &e))?;
    let mut written: Vec<Variant> = Vec::new();
    for width in widths {
        let result = write_one(image, &dir, hash, width).map(|(height, name)| Variant {
            width,
            height,
            path: format!("{relative}/{name}"),
        });
        match result {
            Ok(variant) => written.push(variant),
            Err(e) => {
                remove(folder, written.iter().map(|v| v.path.as_str()));
                return Err(e);
            }
        }
    }
    Ok(written)
}

fn write_one(image: &DynamicImage, dir: &Path, hash: &str, width: u32) -> Result<(u32, String), AppError> {
    let failed = |e: &(dyn std::error::Error + 'static)| AppError::internal("writing a picture", e);
    let resized = if width == image.width() {
        image.clone()
    } else {
        let height = (u64::from(image.height()) * u64::from(width) / u64::from(image.width())).max(1);
        image.resize_exact(width, u32::try_from(height).unwrap_or(1), image::imageops::FilterType::Lanczos3)
    };
    let rgb = DynamicImage::ImageRgb8(resized.to_rgb8());
    let name = format!("{hash}-{width}.jpg");
    let tmp: PathBuf = dir.join(format!("{name}.tmp"));
    let file = std::fs::File::create(&tmp).map_err(|e| failed(&e))?;
    let mut out = std::io::BufWriter::new(file);
    let encoded = rgb.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY));
    let flushed = encoded.map_err(|e| failed(&e)).and_then(|()| {
        std::io::Write::flush(&mut out).map_err(|e| failed(&e))?;
        drop(out);
        std::fs::rename(&tmp, dir.join(&name)).map_err(|e| failed(&e))
    });
    if let Err(e) = flushed {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok((rgb.height(), name))
}

/// Writes `path` through `encode` into a `.tmp` file renamed once complete: a failure leaves
/// nothing behind.
pub fn write_atomically(
    path: &Path,
    encode: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let failed = |e: &(dyn std::error::Error + 'static)| AppError::internal("writing a picture", e);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| failed(&e))?;
    }
    let tmp = path.with_extension("tmp");
    let file = std::fs::File::create(&tmp).map_err(|e| failed(&e))?;
    let mut out = std::io::BufWriter::new(file);
    let written = encode(&mut out).and_then(|()| {
        std::io::Write::flush(&mut out).map_err(|e| failed(&e))?;
        drop(out);
        std::fs::rename(&tmp, path).map_err(|e| failed(&e))
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Removes files under the media folder (missing ones are fine).
pub fn remove<'a>(folder: &Path, paths: impl IntoIterator<Item = &'a str>) {
    for path in paths {
        let _ = std::fs::remove_file(folder.join(path));
    }
}

/// The public address of a file under the media folder.
pub fn url(path: &str) -> String {
    format!("/media/{path}")
}

/// Checks, writes and records an upload for the campaign (the caller checked the team role).
pub async fn upload(state: &AppState, campaign: CampaignId, bytes: Vec<u8>, alt: &str) -> Result<(), AppError> {
    let alt = alt.trim();
    if alt.chars().count() > 300 {
        return Err(AppError::invalid("alt", Key::LocationTooLong));
    }
    let folder = state.settings.media_dir.clone();
    let hash = hex::encode(&Sha256::digest(&bytes)[..12]);
    // decoding and resizing take a while: off the async threads
    let variants = tokio::task::spawn_blocking(move || {
        let image = decode(&bytes)?;
        write_variants(&image, &folder, campaign, &hash)
    })
    .await
    .map_err(|e| AppError::internal("picture task", &e))??;
    let recorded = async {
        let mut tx = state.pool.begin().await?;
        db::insert(&mut tx, campaign, &variants, alt).await?;
        tx.commit().await?;
        Ok::<(), AppError>(())
    }
    .await;
    if recorded.is_err() {
        remove(&state.settings.media_dir, variants.iter().map(|v| v.path.as_str()));
    }
    recorded
}

/// One picture that replaces another (a partner's logo, a designer's portrait): checked like
/// the campaign's (at least `min_width` wide), fitted into `fit`, re-encoded as `format` under
/// `folder/{hash}.{ext}`, its address recorded by `record` (which returns the address it
/// replaces, then removed). A refused or unrecorded upload leaves no file behind.
pub async fn replace_one<F, Fut>(
    state: &AppState,
    folder: &str,
    bytes: Vec<u8>,
    min_width: u32,
    fit: (u32, u32),
    format: ImageFormat,
    record: F,
) -> Result<(), AppError>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<String>, AppError>>,
{
    let extension = format.extensions_str().first().copied().unwrap_or("img");
    let hash = hex::encode(&Sha256::digest(&bytes)[..12]);
    let relative = format!("{folder}/{hash}.{extension}");
    let target = state.settings.media_dir.join(&relative);
    tokio::task::spawn_blocking(move || {
        let image = decode_at_least(&bytes, min_width)?;
        let fitted =
            image.resize(fit.0.min(image.width()), fit.1.min(image.height()), image::imageops::FilterType::Lanczos3);
        // JPEG has no alpha: a transparent PNG is flattened first
        let fitted = if format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(fitted.to_rgb8()) } else { fitted };
        write_atomically(&target, |out| {
            fitted.write_to(out, format).map_err(|e| AppError::internal("writing a picture", &e))
        })
    })
    .await
    .map_err(|e| AppError::internal("picture task", &e))??;
    match record(url(&relative)).await {
        Ok(Some(old)) if old != url(&relative) => {
            remove(&state.settings.media_dir, old.strip_prefix("/media/"));
            Ok(())
        }
        Ok(_) => Ok(()),
        Err(e) => {
            remove(&state.settings.media_dir, [relative.as_str()]);
            Err(e)
        }
    }
}

/// Pictures made in memory, for tests (here and the HTTP tests): a plain PNG, and a bomb.
pub mod samples {
    use image::{DynamicImage, ImageFormat};
    use std::io::Cursor;

    /// A black PNG of `width` × `height`.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let written = DynamicImage::new_rgb8(width, height).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png);
        written.map(|()| bytes).unwrap_or_default()
    }

    /// CRC-32 (IEEE), as PNG chunks carry it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    /// A small PNG whose header claims `side` × `side` pixels (its checksum made right).
    pub fn bomb(side: u32) -> Vec<u8> {
        let mut bomb = png(400, 400);
        bomb[16..20].copy_from_slice(&side.to_be_bytes());
        bomb[20..24].copy_from_slice(&side.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        bomb
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{bomb, png};
    use super::*;

    fn refusal(bytes: &[u8]) -> Key {
        match decode(bytes) {
            Err(AppError::Validation { message, .. }) => message,
            other => panic!("expected a refusal, got {:?}", other.map(|i| i.width())),
        }
    }

    #[test]
    fn the_bytes_decide_not_the_name() {
        assert_eq!(refusal(b"%PDF-1.7 not a picture at all"), Key::ImageNotImage);
        assert_eq!(refusal(&png(100, 100)), Key::ImageTooSmall);
        assert_eq!(decode(&png(640, 480)).unwrap().width(), 640);
    }

    #[test]
    fn a_bomb_is_refused_from_its_header() {
        let bomb = bomb(30_000);
        assert!(bomb.len() < 10_000, "small file: {} bytes", bomb.len());
        assert_eq!(refusal(&bomb), Key::ImageTooManyPixels);
    }

    #[test]
    fn widths_are_written_and_nothing_is_left_on_failure() {
        let dir = std::env::temp_dir().join(format!("trame-media-{}", std::process::id()));
        let image = decode(&png(1000, 500)).unwrap();
        let variants = write_variants(&image, &dir, CampaignId(7), "abc").unwrap();
        assert_eq!(variants.iter().map(|v| (v.width, v.height)).collect::<Vec<_>>(), [(480, 240), (960, 480)]);
        for v in &variants {
            let written = std::fs::read(dir.join(&v.path)).unwrap();
            assert_eq!(image::guess_format(&written).unwrap(), ImageFormat::Jpeg);
        }
        remove(&dir, variants.iter().map(|v| v.path.as_str()));
        assert_eq!(std::fs::read_dir(dir.join("campaigns/7")).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
