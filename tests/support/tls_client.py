"""Says Hello and Ping to a troupe node over TLS; prints what came back.

usage: tls_client.py PORT CA_FILE [CERT_FILE KEY_FILE]
Prints "welcome" and "pong" (one per line) when the node answers as it
should; exits 1 with the error otherwise.
"""
import socket
import ssl
import struct
import sys


def frame(body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + body


def main() -> int:
    port, ca = int(sys.argv[1]), sys.argv[2]
    ctx = ssl.create_default_context(cafile=ca)
    if len(sys.argv) > 4:
        ctx.load_cert_chain(sys.argv[3], sys.argv[4])
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=30)
        s = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
        # Frame{id: 1, hello{protocol_version: 1}}, Frame{id: 2, request{ping{}}}
        s.sendall(frame(b"\x08\x01\x12\x02\x08\x01") + frame(b"\x08\x02\x22\x02\x0a\x00"))
        buf = b""
        names = {0x1A: "welcome", 0x2A: "pong"}  # Frame fields 3 and 5
        for _ in range(2):
            while len(buf) < 4 or len(buf) < 4 + struct.unpack(">I", buf[:4])[0]:
                more = s.recv(65536)
                if not more:
                    print("closed")
                    return 1
                buf += more
            n = struct.unpack(">I", buf[:4])[0]
            body, buf = buf[4 : 4 + n], buf[4 + n :]
            print(names.get(body[2], "unexpected"))
    except (OSError, ssl.SSLError) as e:
        print(f"error: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
