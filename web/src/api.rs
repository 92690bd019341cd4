//! Talking to the server: JSON over `fetch`, the session cookie sent by the browser, the CSRF
//! token added to every change. Failures carry the server's Dutch message, ready to show.

use std::cell::RefCell;

use serde::{Serialize, de::DeserializeOwned};
use speelruimte_model::ApiError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};

use crate::i18n::{Texts, t};

thread_local! {
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Remembers the CSRF token of the logged-in session (or forgets it on logout).
pub fn set_csrf(token: Option<String>) {
    CSRF.with(|c| *c.borrow_mut() = token);
}

/// Why a request did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// HTTP status; 0 when the server could not be reached.
    pub status: u16,
    /// Dutch message for the therapist.
    pub message: String,
    /// The API's stable error code (`ApiError::error`), empty when the answer had none.
    pub code: String,
}

impl Failure {
    fn offline() -> Self {
        Self {
            status: 0,
            message: t().no_connection.to_owned(),
            code: String::new(),
        }
    }

    /// The failure for an answer with an error `status` and its `body`: the server's own
    /// (Dutch) message when the body is the API's error JSON, else, as when a proxy in between
    /// answered with a page of its own, the status in words of `texts`.
    pub fn from_answer(status: u16, body: &str, texts: &Texts) -> Self {
        let api = serde_json::from_str::<ApiError>(body).ok();
        let code = api.as_ref().map(|e| e.error.clone()).unwrap_or_default();
        let message = api
            .map(|e| e.message)
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| format!("{} {status}.", texts.server_error));
        Self {
            status,
            message,
            code,
        }
    }
}

/// GETs JSON.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, Failure> {
    let text = request("GET", path, None).await?;
    parse(&text, t())
}

/// GETs raw bytes (a blob).
pub async fn get_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let window = web_sys::window().ok_or_else(Failure::offline)?;
    let resp: Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| Failure::offline())?
        .dyn_into()
        .map_err(|_| Failure::offline())?;
    if !resp.ok() {
        return Err(Failure {
            status: resp.status(),
            message: format!("{} ({}).", t().file_not_loaded, resp.status()),
            code: String::new(),
        });
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| Failure::offline())?)
        .await
        .map_err(|_| Failure::offline())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Sends a JSON body with `method` and reads a JSON answer.
pub async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> Result<T, Failure> {
    let json = serde_json::to_string(body).map_err(|e| Failure {
        status: 0,
        message: e.to_string(),
        code: String::new(),
    })?;
    let text = request(method, path, Some(json)).await?;
    parse(&text, t())
}

/// PUTs an artefact as the binary envelope (`speelruimte_model::decode_envelope`): the `head`
/// (from `envelope_head`), then each file's bytes, and reads a JSON answer.
pub async fn put_envelope<T: DeserializeOwned>(
    path: &str,
    head: &[u8],
    files: &[speelruimte_model::OutgoingFile],
) -> Result<T, Failure> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(head));
    for f in files {
        parts.push(&js_sys::Uint8Array::from(f.bytes.as_slice()));
    }
    put_parts(path, &parts).await
}

/// PUTs an envelope given as its parts (`Uint8Array`s: the head, then each file, as the
/// outbox keeps them) and reads a JSON answer. The browser assembles the body from the parts,
/// so the files are not copied into one buffer here.
pub async fn put_parts<T: DeserializeOwned>(
    path: &str,
    parts: &js_sys::Array,
) -> Result<T, Failure> {
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(speelruimte_model::ENVELOPE_MEDIA_TYPE);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &bag)
        .map_err(|_| Failure::offline())?;
    let text = request_with(
        "PUT",
        path,
        Some((blob.into(), speelruimte_model::ENVELOPE_MEDIA_TYPE)),
    )
    .await?;
    parse(&text, t())
}

/// Sends a request without a body and ignores the answer's body.
pub async fn send_empty(method: &str, path: &str) -> Result<(), Failure> {
    request(method, path, None).await.map(|_| ())
}

fn parse<T: DeserializeOwned>(text: &str, texts: &Texts) -> Result<T, Failure> {
    serde_json::from_str(text).map_err(|e| Failure {
        status: 0,
        message: format!("{}: {e}", texts.unexpected_answer),
        code: String::new(),
    })
}

async fn request(method: &str, path: &str, body: Option<String>) -> Result<String, Failure> {
    let body = body.map(|b| (JsValue::from_str(&b), "application/json"));
    request_with(method, path, body).await
}

/// A request with a body (its value and content type), answered with text.
async fn request_with(
    method: &str,
    path: &str,
    body: Option<(JsValue, &str)>,
) -> Result<String, Failure> {
    let window = web_sys::window().ok_or_else(Failure::offline)?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::SameOrigin);
    let headers = Headers::new().map_err(|_| Failure::offline())?;
    let _ = headers.set("Accept", "application/json");
    if let Some((body, media_type)) = &body {
        let _ = headers.set("Content-Type", media_type);
        init.set_body(body);
    }
    if method != "GET"
        && let Some(token) = CSRF.with(|c| c.borrow().clone())
    {
        let _ = headers.set("X-CSRF-Token", &token);
    }
    init.set_headers(&headers);
    let req = Request::new_with_str_and_init(path, &init).map_err(|_| Failure::offline())?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(|_| Failure::offline())?
        .dyn_into()
        .map_err(|_| Failure::offline())?;
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if resp.ok() {
        return Ok(if text.is_empty() { "null".into() } else { text });
    }
    Err(Failure::from_answer(resp.status(), &text, t()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, NL};

    #[test]
    fn the_servers_own_message_is_shown_as_it_is() {
        let body = r#"{"error":"not_found","message":"Deze cliënt bestaat niet (meer)."}"#;
        let f = Failure::from_answer(404, body, &EN);
        assert_eq!(f.status, 404);
        // Server messages stay Dutch, whatever language the app is in.
        assert_eq!(f.message, "Deze cliënt bestaat niet (meer).");
    }

    #[test]
    fn an_answer_that_is_not_the_apis_json_gives_the_status_in_the_language_in_use() {
        let page = "<html><body>502 Bad Gateway</body></html>";
        let nl = Failure::from_answer(502, page, &NL);
        assert_eq!(nl.status, 502);
        assert_eq!(nl.message, "De server antwoordde met fout 502.");
        let en = Failure::from_answer(502, page, &EN);
        assert_eq!(en.message, "The server answered with error 502.");
    }

    #[test]
    fn an_empty_body_or_an_empty_message_still_says_what_happened() {
        assert_eq!(
            Failure::from_answer(500, "", &NL).message,
            "De server antwoordde met fout 500."
        );
        assert_eq!(
            Failure::from_answer(409, r#"{"error":"conflict","message":""}"#, &NL).message,
            "De server antwoordde met fout 409."
        );
    }

    #[test]
    fn an_unreadable_success_answer_is_a_failure_that_says_so() {
        let err = parse::<speelruimte_model::Me>("{\"nope\": 1}", &NL).unwrap_err();
        assert_eq!(err.status, 0);
        assert!(
            err.message
                .starts_with("Onverwacht antwoord van de server: "),
            "{}",
            err.message
        );
    }
}
