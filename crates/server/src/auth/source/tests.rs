use axum::http::{HeaderMap, HeaderValue};

use super::*;

fn trusted(list: &[&str]) -> TrustedProxies {
    TrustedProxies::new(list.iter().map(|s| s.parse().unwrap()).collect())
}

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.append(*k, HeaderValue::from_static(v));
    }
    h
}

fn from(peer: &str, h: &[(&'static str, &'static str)], t: &[&str]) -> Source {
    let peer: SocketAddr = peer.parse().unwrap();
    Source::of(Some(peer), &headers(h), &trusted(t))
}

#[test]
fn ranges_parse_addresses_and_networks_and_refuse_nonsense() {
    let net: ProxyRange = "10.1.0.0/16".parse().unwrap();
    assert!(net.contains("10.1.200.3".parse().unwrap()));
    assert!(!net.contains("10.2.0.1".parse().unwrap()));
    assert!(
        net.contains("::ffff:10.1.0.9".parse().unwrap()),
        "IPv4-mapped"
    );
    let one: ProxyRange = "::1".parse().unwrap();
    assert!(one.contains("::1".parse().unwrap()));
    assert!(!one.contains("::2".parse().unwrap()));
    let v6: ProxyRange = "2001:db8::/32".parse().unwrap();
    assert!(v6.contains("2001:db8:ffff::1".parse().unwrap()));
    assert!(
        "0.0.0.0/0"
            .parse::<ProxyRange>()
            .unwrap()
            .contains("8.8.8.8".parse().unwrap())
    );
    assert!("10.0.0.0/33".parse::<ProxyRange>().is_err());
    assert!("proxy.local".parse::<ProxyRange>().is_err());
}

#[test]
fn a_direct_caller_is_its_socket_address_whatever_it_claims() {
    let s = from(
        "192.0.2.5:4000",
        &[
            ("x-forwarded-for", "1.1.1.1"),
            ("host", "example.nl"),
            ("x-forwarded-proto", "https"),
        ],
        &["127.0.0.1"],
    );
    assert_eq!(s.address, "192.0.2.5");
    assert_eq!(s.host.as_deref(), Some("example.nl"));
    assert_eq!(s.scheme, None);
}

#[test]
fn x_forwarded_for_is_read_from_the_right_past_trusted_proxies() {
    let s = from(
        "127.0.0.1:4000",
        &[
            ("x-forwarded-for", "6.6.6.6, 203.0.113.7"),
            ("x-forwarded-for", "10.1.2.3"),
        ],
        &["127.0.0.1", "10.1.0.0/16"],
    );
    assert_eq!(s.address, "203.0.113.7");
}

#[test]
fn when_every_hop_is_trusted_the_leftmost_is_the_client() {
    let s = from(
        "127.0.0.1:4000",
        &[("x-forwarded-for", "10.1.0.4, 10.1.0.5")],
        &["127.0.0.1", "10.1.0.0/16"],
    );
    assert_eq!(s.address, "10.1.0.4");
}

#[test]
fn the_proxy_set_host_and_scheme_are_the_rightmost_values() {
    let s = from(
        "127.0.0.1:4000",
        &[
            ("host", "127.0.0.1:8080"),
            ("x-forwarded-host", "evil.example, speelruimte.example"),
            ("x-forwarded-proto", "HTTPS"),
        ],
        &["127.0.0.1"],
    );
    assert_eq!(
        s.address, "127.0.0.1",
        "no X-Forwarded-For: the proxy itself"
    );
    assert_eq!(s.host.as_deref(), Some("speelruimte.example"));
    assert!(s.is_https());
}

#[test]
fn forwarded_takes_the_clients_element_with_its_scheme_and_host() {
    let s = from(
        "[::1]:4000",
        &[
            ("forwarded", "for=6.6.6.6;host=evil.example;proto=http"),
            (
                "forwarded",
                "For=\"[2001:db8::7]:4711\";Proto=https;Host=speelruimte.example, for=10.1.0.2;proto=http;host=inner",
            ),
            ("x-forwarded-for", "9.9.9.9"),
        ],
        &["::1", "10.1.0.0/16"],
    );
    assert_eq!(s.address, "2001:db8::7");
    assert_eq!(s.host.as_deref(), Some("speelruimte.example"));
    assert_eq!(s.scheme.as_deref(), Some("https"));
}

#[test]
fn an_obfuscated_forwarded_node_is_kept_as_text() {
    let s = from(
        "127.0.0.1:1",
        &[("forwarded", "for=_hidden")],
        &["127.0.0.1"],
    );
    assert_eq!(s.address, "_hidden");
}

#[test]
fn the_user_agent_is_cut_and_cleaned() {
    let long: &'static str = Box::leak("a".repeat(1000).into_boxed_str());
    let s = from("192.0.2.5:1", &[("user-agent", long)], &[]);
    assert_eq!(s.user_agent.unwrap().len(), MAX_USER_AGENT);
    let mut h = HeaderMap::new();
    h.insert("user-agent", HeaderValue::from_bytes(b"tab\tlet").unwrap());
    let s = Source::of(None, &h, &TrustedProxies::default());
    assert_eq!(s.user_agent.as_deref(), Some("tablet"));
    assert_eq!(s.address, "unknown");
}
