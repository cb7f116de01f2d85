"""The demo stack's application: lists the cell images recorded in MongoDB."""

import os

from flask import Flask, jsonify
from pymongo import MongoClient

app = Flask(__name__)


def images_collection():
    """Connects to the database service named in DB_HOST (the stack's "db")."""
    client = MongoClient(
        host=os.environ.get("DB_HOST", "db"),
        username=os.environ.get("DB_USER", "root"),
        password=open(os.environ["DB_PASSWORD_FILE"]).read().strip(),
    )
    return client["cells"]["images"]


@app.route("/")
def index():
    return "Cell image catalogue: see /images\n"


@app.route("/images")
def images():
    names = [doc["name"] for doc in images_collection().find({}, {"name": 1}).limit(100)]
    return jsonify(names)
