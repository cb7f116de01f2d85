"""An example service for the capstone: a guest book kept in a file on persistent storage."""

import os
from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
BOOK = Path(os.environ.get("DATA_DIR", "/data")) / "guestbook.txt"


@app.get("/")
def read_book():
    if not BOOK.exists():
        return "The guest book is empty.\n"
    return BOOK.read_text()


@app.post("/")
def sign_book():
    name = request.form.get("name", "").strip()[:80] or "anonymous"
    with BOOK.open("a") as book:
        book.write(f"{name} was here\n")
    return "Thank you!\n", 201
