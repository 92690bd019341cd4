//! Where a request came from — the one place that decides it, for the audit log, the login
//! throttle and the Origin check.
//!
//! Behind a TLS proxy the socket peer is the proxy, and the `Host` may be rewritten. The
//! forwarding headers (`Forwarded`, or `X-Forwarded-For`/`-Proto`/`-Host`) say who is really
//! calling, but anyone can send them, so they are believed only from a peer listed with
//! `--trusted-proxy`. `X-Forwarded-For` is read from the right: each trusted proxy appends the
//! address it saw, so the first entry from the right that no trusted proxy wrote is the client;
//! whatever lies to the left of it came from the client and proves nothing.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::{AppState, Error};

/// Longest user agent kept; longer ones are cut (the header is the caller's to choose).
const MAX_USER_AGENT: usize = 256;

/// One `--trusted-proxy` entry: an address, or a network as `address/prefix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyRange {
    net: IpAddr,
    prefix: u8,
}

impl ProxyRange {
    /// Whether `ip` lies in this range (an IPv4-mapped IPv6 address counts as its IPv4 one).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, canonical(ip)) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                mask(u32::from(n).into(), 32, self.prefix)
                    == mask(u32::from(a).into(), 32, self.prefix)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                mask(u128::from(n), 128, self.prefix) == mask(u128::from(a), 128, self.prefix)
            }
            _ => false,
        }
    }
}

fn mask(bits: u128, width: u8, prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        bits >> (width - prefix)
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

impl FromStr for ProxyRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (addr, prefix) = s.split_once('/').unwrap_or((s, ""));
        let net: IpAddr = addr.parse().map_err(|_| {
            format!("'{s}' is not an IP address or network (10.0.0.1, 10.0.0.0/8, ::1)")
        })?;
        let net = canonical(net);
        let width = if net.is_ipv4() { 32 } else { 128 };
        let prefix = if prefix.is_empty() {
            width
        } else {
            prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= width)
                .ok_or_else(|| format!("'{s}': the prefix must be 0 to {width}"))?
        };
        Ok(Self { net, prefix })
    }
}

/// The proxies whose forwarding headers are believed; empty (the default) believes nobody.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<ProxyRange>);

impl TrustedProxies {
    /// These ranges.
    pub fn new(ranges: Vec<ProxyRange>) -> Self {
        Self(ranges)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|r| r.contains(ip))
    }
}

/// Where a request came from, as far as it can be believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The client's address: the socket peer, or behind a trusted proxy the address it
    /// forwarded ("unknown" where none is known, as in in-process tests without one).
    pub address: String,
    /// The `User-Agent`, cut to 256 characters, without control characters.
    pub user_agent: Option<String>,
    /// The host the client asked for: the trusted proxy's forwarded host, else `Host`.
    pub host: Option<String>,
    /// The scheme the client used, where a trusted proxy said so (`https`/`http`); `None` for
    /// a direct connection, whose scheme the Origin check then does not compare.
    pub scheme: Option<String>,
}

impl Source {
    /// Works out the source from the socket peer and the headers.
    pub fn of(peer: Option<SocketAddr>, headers: &HeaderMap, trusted: &TrustedProxies) -> Self {
        let user_agent = header_str(headers, header::USER_AGENT)
            .map(|ua| {
                ua.chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_USER_AGENT)
                    .collect::<String>()
            })
            .filter(|ua| !ua.is_empty());
        let own_host = header_str(headers, header::HOST).map(str::to_owned);
        let Some(peer) = peer.map(|p| canonical(p.ip())) else {
            return Self {
                address: "unknown".into(),
                user_agent,
                host: own_host,
                scheme: None,
            };
        };
        let direct = Self {
            address: peer.to_string(),
            user_agent: user_agent.clone(),
            host: own_host.clone(),
            scheme: None,
        };
        if !trusted.trusts(peer) {
            return direct;
        }
        let hop = if headers.contains_key(header::FORWARDED) {
            from_forwarded(headers, trusted)
        } else {
            from_x_forwarded(headers, trusted)
        };
        let Some(hop) = hop else { return direct };
        Self {
            address: hop.address.unwrap_or(direct.address),
            user_agent,
            host: hop.host.or(own_host),
            scheme: hop.scheme.map(|s| s.to_ascii_lowercase()),
        }
    }

    /// Whether the client reached us over https (then cookies get `Secure`).
    pub fn is_https(&self) -> bool {
        self.scheme.as_deref() == Some("https")
    }
}

/// What the forwarding headers of a trusted peer say about the client.
struct Hop {
    address: Option<String>,
    host: Option<String>,
    scheme: Option<String>,
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// All values of a comma-separated header, over all its lines, left to right.
fn list(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:80`, `[2001:db8::1]:80` or `2001:db8::1`.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let raw = raw.trim().trim_matches('"');
    if let Ok(ip) = raw.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(sock) = raw.parse::<SocketAddr>() {
        return Some(canonical(sock.ip()));
    }
    raw.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .and_then(|(ip, _)| ip.parse().ok())
        .map(canonical)
}

/// The index of the client among `nodes` (left to right): the first from the right that is
/// not a trusted proxy, or the leftmost if every one is.
fn client_index(nodes: &[Option<IpAddr>], trusted: &TrustedProxies) -> Option<usize> {
    if nodes.is_empty() {
        return None;
    }
    Some(
        (0..nodes.len())
            .rev()
            .find(|i| !nodes[*i].is_some_and(|ip| trusted.trusts(ip)))
            .unwrap_or(0),
    )
}

/// A node as an audit address: the IP, or (an obfuscated or "unknown" node) its text, cut.
fn node_text(raw: &str, ip: Option<IpAddr>) -> String {
    ip.map(|ip| ip.to_string()).unwrap_or_else(|| {
        raw.trim_matches('"')
            .chars()
            .filter(|c| !c.is_control())
            .take(64)
            .collect()
    })
}

/// RFC 7239: each proxy appends an element `for=…;proto=…;host=…` describing the request it
/// received, so the client's element also holds the scheme and host the client used.
fn from_forwarded(headers: &HeaderMap, trusted: &TrustedProxies) -> Option<Hop> {
    let elements: Vec<Vec<(String, String)>> = list(headers, "forwarded")
        .iter()
        .map(|e| {
            e.split(';')
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| {
                    (
                        k.trim().to_ascii_lowercase(),
                        v.trim().trim_matches('"').to_owned(),
                    )
                })
                .collect()
        })
        .collect();
    let get = |e: &[(String, String)], key: &str| {
        e.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let nodes: Vec<Option<IpAddr>> = elements
        .iter()
        .map(|e| get(e, "for").and_then(|f| parse_node(&f)))
        .collect();
    let i = client_index(&nodes, trusted)?;
    let e = &elements[i];
    Some(Hop {
        address: get(e, "for").map(|f| node_text(&f, nodes[i])),
        host: get(e, "host"),
        scheme: get(e, "proto"),
    })
}

/// The `X-Forwarded-*` family. `-Proto` and `-Host` are taken from the right: the value our
/// trusted peer set (a proxy should set them, not append to what the client sent).
fn from_x_forwarded(headers: &HeaderMap, trusted: &TrustedProxies) -> Option<Hop> {
    let chain = list(headers, "x-forwarded-for");
    let nodes: Vec<Option<IpAddr>> = chain.iter().map(|n| parse_node(n)).collect();
    let address = client_index(&nodes, trusted).map(|i| node_text(&chain[i], nodes[i]));
    let host = list(headers, "x-forwarded-host").pop();
    let scheme = list(headers, "x-forwarded-proto").pop();
    (address.is_some() || host.is_some() || scheme.is_some()).then_some(Hop {
        address,
        host,
        scheme,
    })
}

/// Middleware: works the source out once per request and puts it in the request's extensions,
/// where [`Source`]'s extractor, the login session and the refusal audit find it.
pub async fn capture(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let source = Source::of(peer, req.headers(), &state.trusted_proxies);
    req.extensions_mut().insert(source);
    next.run(req).await
}

impl FromRequestParts<AppState> for Source {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        Ok(source_of(parts, state))
    }
}

/// The source [`capture`] found, or (on a router built without it) worked out here.
pub fn source_of(parts: &Parts, state: &AppState) -> Source {
    parts
        .extensions
        .get::<Source>()
        .cloned()
        .unwrap_or_else(|| {
            let peer = parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0);
            Source::of(peer, &parts.headers, &state.trusted_proxies)
        })
}

#[cfg(test)]
mod tests;
