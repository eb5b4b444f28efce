"""Serves the capture page and stores what it POSTs: /save/<name> -> out/<name>."""
import http.server, os, sys

OUT = sys.argv[2] if len(sys.argv) > 2 else "out"

class Handler(http.server.SimpleHTTPRequestHandler):
    def do_POST(self):
        name = os.path.basename(self.path)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(body)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
