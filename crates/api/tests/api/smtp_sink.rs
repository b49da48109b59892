//! A minimal SMTP server for the tests (issue 10): it speaks enough of RFC 5321 for lettre's real
//! client — greeting, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA … `.`, RSET, NOOP, QUIT — and records
//! every message it accepts. It can also refuse recipients, hang up, or never greet.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message the sink accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body), dot-stuffing undone.
    pub data: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Accepts every message, after `delay` in DATA (to make concurrent senders overlap).
    Accept { delay: Duration },
    /// `550` to every RCPT TO.
    RejectRecipients,
    /// Accepts the connection and says nothing, ever.
    Silent,
}

pub struct Sink {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    /// The `AUTH PLAIN` credentials clients sent, decoded (`user\0password`).
    auths: Arc<Mutex<Vec<String>>>,
}

impl Sink {
    pub async fn start(mode: Mode) -> Sink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let auths = Arc::new(Mutex::new(Vec::new()));
        let (r, a) = (received.clone(), auths.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, mode, r.clone(), a.clone()));
            }
        });
        Sink { addr, received, auths }
    }

    /// `smtp://user:password@127.0.0.1:<port>` (plain SMTP: the sink has no TLS).
    pub fn url_with(&self, user: &str, password: &str) -> String {
        format!("smtp://{user}:{password}@127.0.0.1:{}", self.addr.port())
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub fn auths(&self) -> Vec<String> {
        self.auths.lock().unwrap().clone()
    }
}

async fn session(stream: TcpStream, mode: Mode, received: Arc<Mutex<Vec<Received>>>, auths: Arc<Mutex<Vec<String>>>) {
    if mode == Mode::Silent {
        tokio::time::sleep(Duration::from_secs(600)).await;
        return;
    }
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if write.write_all(b"220 sink.test ESMTP test sink\r\n").await.is_err() {
        return;
    }
    let (mut from, mut to) = (String::new(), Vec::new());
    loop {
        let mut line = String::new();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            "250-sink.test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n".into()
        } else if upper.starts_with("AUTH PLAIN") {
            let encoded = command.get("AUTH PLAIN ".len()..).unwrap_or("").trim();
            let decoded = decode_base64(encoded);
            auths.lock().unwrap().push(decoded);
            "235 2.7.0 Authentication successful\r\n".into()
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command);
            to.clear();
            "250 2.1.0 Ok\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            match mode {
                Mode::RejectRecipients => "550 5.1.1 No such mailbox here\r\n".into(),
                _ => {
                    to.push(address(&command));
                    "250 2.1.5 Ok\r\n".into()
                }
            }
        } else if upper == "DATA" {
            if write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await.is_err() {
                return;
            }
            let mut data = String::new();
            loop {
                let mut l = String::new();
                match lines.read_line(&mut l).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                if l == ".\r\n" || l == ".\n" {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
            }
            if let Mode::Accept { delay } = mode {
                tokio::time::sleep(delay).await;
            }
            received.lock().unwrap().push(Received { from: from.clone(), to: to.clone(), data });
            "250 2.0.0 Ok: queued\r\n".into()
        } else if upper == "QUIT" {
            let _ = write.write_all(b"221 2.0.0 Bye\r\n").await;
            return;
        } else if upper == "RSET" || upper == "NOOP" {
            "250 2.0.0 Ok\r\n".into()
        } else {
            "502 5.5.2 Command not recognized\r\n".into()
        };
        if write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// The address inside `<…>` of a MAIL FROM or RCPT TO line.
fn address(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command.rfind('>').unwrap_or(command.len());
    command.get(start..end).unwrap_or("").to_owned()
}

fn decode_base64(text: &str) -> String {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(text).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}
