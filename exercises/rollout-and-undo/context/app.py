"""A one-page web application: says hello to $WHO, or to the world."""

import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    who = os.environ.get("WHO", "WORLD")
    return f"Hello {who}!\n"


if __name__ == "__main__":
    # Listen on every interface so the published port reaches the app.
    app.run(host="0.0.0.0", port=5000)
