//! Downloading a large answer (a client's export) with progress in the app: the body is read
//! piece by piece and counted, gathered as a `Blob` (the browser keeps a large one on disk,
//! not in the page's memory), then saved through a link with `download`, the name the server
//! gave in `Content-Disposition`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, RequestCredentials, RequestInit, Response};

use crate::api::Failure;
use crate::i18n::t;

/// The file name in a `Content-Disposition: attachment; filename="…"` header.
pub fn file_name(disposition: &str) -> Option<String> {
    let (_, rest) = disposition.split_once("filename=")?;
    let name = rest.split(';').next()?.trim().trim_matches('"');
    let safe = !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.');
    safe.then(|| name.to_owned())
}

fn broken() -> Failure {
    Failure {
        status: 0,
        message: t().no_connection.to_owned(),
        code: String::new(),
    }
}

/// GETs `path` and saves the answer as a file, calling `progress(received, expected)` after
/// every piece; `expected` is the `size_header` of the answer, where it has one. Returns the
/// file's name once the browser has it.
pub async fn download(
    path: &str,
    size_header: &str,
    progress: impl Fn(u64, Option<u64>),
) -> Result<String, Failure> {
    let window = web_sys::window().ok_or_else(broken)?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::SameOrigin);
    let resp: Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|_| broken())?
        .dyn_into()
        .map_err(|_| broken())?;
    if !resp.ok() {
        let text = match resp.text() {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
            Err(_) => None,
        };
        return Err(Failure::from_answer(
            resp.status(),
            &text.unwrap_or_default(),
            t(),
        ));
    }
    let header = |name: &str| resp.headers().get(name).ok().flatten();
    let expected = header(size_header).and_then(|s| s.parse::<u64>().ok());
    let name = header("content-disposition")
        .and_then(|d| file_name(&d))
        .unwrap_or_else(|| "speelruimte-export.zip".to_owned());
    let reader: ReadableStreamDefaultReader = resp
        .body()
        .ok_or_else(broken)?
        .get_reader()
        .dyn_into()
        .map_err(|_| broken())?;
    let parts = js_sys::Array::new();
    let mut received = 0u64;
    progress(0, expected);
    loop {
        // A broken-off answer rejects here: what was received is dropped, never saved as if
        // it were the whole file.
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| broken())?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .map(|v| v.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value =
            js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).map_err(|_| broken())?;
        let bytes: js_sys::Uint8Array = value.dyn_into().map_err(|_| broken())?;
        received += u64::from(bytes.length());
        parts.push(&bytes);
        progress(received, expected);
    }
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(&header("content-type").unwrap_or_default());
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
        .map_err(|_| broken())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| broken())?;
    let document = window.document().ok_or_else(broken)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| broken())?
        .dyn_into()
        .map_err(|_| broken())?;
    link.set_href(&url);
    link.set_download(&name);
    link.click();
    // The browser has taken the file once the click is handled; the URL is freed after it.
    let _ = window.set_timeout_with_callback(
        &wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .unchecked_into(),
    );
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn the_name_comes_from_the_servers_header_and_cannot_leave_the_download_folder() {
        assert_eq!(
            file_name("attachment; filename=\"speelruimte-Vos-12-2026-12-03.zip\"").as_deref(),
            Some("speelruimte-Vos-12-2026-12-03.zip")
        );
        assert_eq!(
            file_name("attachment; filename=a.zip; size=3").as_deref(),
            Some("a.zip")
        );
        assert_eq!(file_name("attachment"), None);
        assert_eq!(file_name("attachment; filename=\"../../x.zip\""), None);
        assert_eq!(file_name("attachment; filename=\".bashrc\""), None);
    }
}
