//! Where a webhook may be sent (SSRF): the target's host is resolved and every address it resolves to
//! must be public (`gmc_domain::webhook::is_public_address`) unless the operator allows private
//! targets (`GMC_WEBHOOK_ALLOW_PRIVATE=true`) or lists the ranges that are allowed
//! (`GMC_WEBHOOK_ALLOW_CIDRS=10.20.0.0/16,fd00::/8`). Checked when a subscription is made or changed
//! AND before every send, because DNS can change between the two; the sender then connects to the
//! addresses it checked (`send`), so a second lookup cannot swap them.

use std::net::{IpAddr, SocketAddr};

use gmc_domain::error::FieldProblem;
use gmc_domain::webhook::is_public_address;

/// One allowed range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// `a.b.c.d/n` or `x::y/n`; a bare address is a /32 or /128.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| format!("`{text}` is not an address range"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => {
                p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| format!("`{text}`: bad prefix length"))?
            }
            None => max,
        };
        Ok(Cidr { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        fn bits(ip: IpAddr) -> (u128, u32) {
            match ip {
                IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
                IpAddr::V6(v6) => (u128::from(v6), 128),
            }
        }
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        let ((net, width), (got, got_width)) = (bits(self.addr), bits(ip));
        if width != got_width {
            return false;
        }
        let host_bits = width - u32::from(self.prefix);
        if host_bits >= 128 {
            return true;
        }
        (net >> host_bits) == (got >> host_bits)
    }
}

/// The operator's allowance for non-public targets.
#[derive(Debug, Clone, Default)]
pub struct Egress {
    /// Every address allowed (tests, a closed network).
    pub allow_private: bool,
    /// Non-public ranges allowed besides the public internet.
    pub allow: Vec<Cidr>,
}

impl Egress {
    /// From the settings: the flag and a comma-separated list of ranges.
    pub fn from_settings(allow_private: bool, cidrs: &str) -> Result<Self, String> {
        let allow = cidrs.split(',').filter(|c| !c.trim().is_empty()).map(Cidr::parse).collect::<Result<_, _>>()?;
        Ok(Egress { allow_private, allow })
    }

    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || is_public_address(ip) || self.allow.iter().any(|c| c.contains(ip))
    }

    /// Resolves `url`'s host and checks every address; returns the host and the addresses to connect
    /// to. A problem names what is wrong for the `url` field (at subscription time) or the delivery
    /// log (at send time), without any address beyond what the caller sent.
    pub async fn check(&self, url: &str) -> Result<(String, Vec<SocketAddr>), FieldProblem> {
        let parsed =
            url::Url::parse(url.trim()).map_err(|_| FieldProblem::new("invalid_format", "is not a valid URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FieldProblem::new("invalid_format", "must be an http:// or https:// URL"));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(FieldProblem::new("invalid_format", "must not carry credentials; the signature authenticates"));
        }
        let host = parsed.host_str().ok_or_else(|| FieldProblem::new("invalid_format", "has no host"))?.to_owned();
        let port = parsed.port_or_known_default().unwrap_or(443);
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((bare, port))
                .await
                .map_err(|_| FieldProblem::new("unresolvable", "the host name does not resolve"))?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(FieldProblem::new("unresolvable", "the host name does not resolve"));
        }
        if let Some(bad) = addrs.iter().find(|a| !self.permits(a.ip())) {
            let _ = bad;
            return Err(FieldProblem::new(
                "not_allowed",
                "resolves to a private, loopback, link-local or otherwise internal address; webhooks go to public addresses only",
            ));
        }
        Ok((bare.to_owned(), addrs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn ranges_contain_what_they_say() {
        let c = Cidr::parse("10.20.0.0/16").unwrap_or(Cidr { addr: ip("0.0.0.0"), prefix: 32 });
        assert!(c.contains(ip("10.20.3.4")));
        assert!(c.contains(ip("::ffff:10.20.3.4")));
        assert!(!c.contains(ip("10.21.0.1")));
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("nope").is_err());
        let all = Cidr::parse("0.0.0.0/0").unwrap_or(Cidr { addr: ip("0.0.0.0"), prefix: 32 });
        assert!(all.contains(ip("127.0.0.1")));
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_allowed() {
        let off = Egress::default();
        assert_eq!(off.check("http://127.0.0.1:9/x").await.map_err(|p| p.code), Err("not_allowed"));
        assert_eq!(off.check("http://[::1]:9/x").await.map_err(|p| p.code), Err("not_allowed"));
        assert_eq!(off.check("http://localhost:9/x").await.map_err(|p| p.code), Err("not_allowed"));
        assert_eq!(off.check("http://u:p@93.184.216.34/").await.map_err(|p| p.code), Err("invalid_format"));
        let listed = Egress::from_settings(false, "127.0.0.0/8").unwrap_or_default();
        assert!(listed.check("http://127.0.0.1:9/x").await.is_ok());
        let on = Egress { allow_private: true, allow: vec![] };
        assert!(on.check("http://127.0.0.1:9/x").await.is_ok());
        assert!(off.check("http://93.184.216.34/x").await.is_ok());
    }
}
