"""S3 deploys against a real S3-protocol server (moto) on 127.0.0.1, over HTTP."""

import logging
import urllib.request

import boto3
import pytest
from botocore.config import Config
from moto.server import ThreadedMotoServer

from support.deploy import CREDENTIALS, FailingProxy, built_site, copy_site, deploy

BUCKET = "digest-site"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("s3site"))


@pytest.fixture
def s3(monkeypatch):
    """A fresh S3 server for each test, stopped by the test that started it."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its buckets per process: start every test from an empty service.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )
    client.create_bucket(Bucket=BUCKET)
    client.put_object(Bucket=BUCKET, Key="unrelated/keep.txt", Body=b"outside the prefix")
    yield client, endpoint, port
    server.stop()


def objects(client, prefix=""):
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


def test_first_deploy_uploads_everything_with_headers(site, s3, tmp_path):
    client, endpoint, _port = s3
    result = deploy(f"s3://{BUCKET}/www", "--output", str(site), "--endpoint-url", endpoint)
    assert result.returncode == 0, result.stderr
    keys = objects(client, "www/")
    assert "www/index.html" in keys and "www/feeds/rss.xml" in keys
    assert not any(key.startswith("www/_newsdigest/") for key in keys)  # the report stays home
    expected = {
        "www/index.html": ("text/html; charset=utf-8", "public, max-age=300, must-revalidate"),
        "www/theme/css/main.css": ("text/css; charset=utf-8", "public, max-age=86400"),
        "www/feeds/rss.xml": ("application/rss+xml", "public, max-age=300, must-revalidate"),
        "www/feeds/atom.xml": ("application/atom+xml", "public, max-age=300, must-revalidate"),
        "www/feeds/feed.json": ("application/feed+json", "public, max-age=300, must-revalidate"),
    }
    for key, (content_type, cache) in expected.items():
        head = client.head_object(Bucket=BUCKET, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (content_type, cache), key
        assert head["Metadata"]["md5"] == head["ETag"].strip('"')
    assert "uploaded" in result.stdout and "0 unchanged" in result.stdout
    assert CREDENTIALS["AWS_SECRET_ACCESS_KEY"] not in result.stdout + result.stderr
    assert CREDENTIALS["AWS_ACCESS_KEY_ID"] not in result.stdout + result.stderr


def test_second_deploy_uploads_nothing_and_a_change_uploads_one(site, s3, tmp_path):
    client, endpoint, _port = s3
    local = copy_site(site, tmp_path / "site")
    assert (
        deploy(f"s3://{BUCKET}", "--output", str(local), "--endpoint-url", endpoint).returncode == 0
    )
    again = deploy(f"s3://{BUCKET}", "--output", str(local), "--endpoint-url", endpoint)
    assert "uploaded 0 files" in again.stdout and "deleted 0" in again.stdout
    (local / "about/index.html").write_text("<p>changed</p>", encoding="utf-8")
    changed = deploy(f"s3://{BUCKET}", "--output", str(local), "--endpoint-url", endpoint)
    uploads = [line for line in changed.stdout.splitlines() if line.startswith("upload ")]
    assert uploads == ["upload about/index.html (text/html; charset=utf-8, 14 B)"]
    body = client.get_object(Bucket=BUCKET, Key="about/index.html")["Body"].read()
    assert body == b"<p>changed</p>"


def test_removed_file_is_deleted_under_the_prefix_only(site, s3, tmp_path):
    client, endpoint, _port = s3
    local = copy_site(site, tmp_path / "site")
    deploy(f"s3://{BUCKET}/www", "--output", str(local), "--endpoint-url", endpoint)
    (local / "about/index.html").unlink()
    result = deploy(f"s3://{BUCKET}/www", "--output", str(local), "--endpoint-url", endpoint)
    assert result.returncode == 0
    assert "delete www/about/index.html" in result.stdout
    assert "www/about/index.html" not in objects(client)
    assert "unrelated/keep.txt" in objects(client)  # outside the prefix: never touched


def test_max_deletes_and_the_empty_build_guard(site, s3, tmp_path):
    client, endpoint, _port = s3
    local = copy_site(site, tmp_path / "site")
    deploy(f"s3://{BUCKET}/www", "--output", str(local), "--endpoint-url", endpoint)
    for page in ("about", "archive", "sections"):
        (local / page / "index.html").unlink()
    capped = deploy(
        f"s3://{BUCKET}/www",
        "--output",
        str(local),
        "--endpoint-url",
        endpoint,
        "--max-deletes",
        "2",
    )
    assert capped.returncode == 1
    assert "more than --max-deletes 2" in capped.stdout
    assert "www/about/index.html" in objects(client)
    empty = tmp_path / "empty"
    empty.mkdir()
    guarded = deploy(f"s3://{BUCKET}/www", "--output", str(empty), "--endpoint-url", endpoint)
    assert guarded.returncode == 1
    assert "is empty" in guarded.stdout
    assert "www/index.html" in objects(client)
    (local / "index.html").unlink()
    headless = deploy(f"s3://{BUCKET}/www", "--output", str(local), "--endpoint-url", endpoint)
    assert headless.returncode == 1 and "has no index.html" in headless.stdout
    assert "www/about/index.html" in objects(client)


def test_dry_run_changes_nothing(site, s3, tmp_path):
    client, endpoint, _port = s3
    before = objects(client)
    result = deploy(
        f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", endpoint, "--dry-run"
    )
    assert result.returncode == 0
    assert "[dry run] would upload index.html" in result.stdout
    assert "would upload" in result.stdout.splitlines()[-1]
    assert objects(client) == before


def test_upload_order_assets_pages_front_page_and_feeds(site, s3):
    _client, endpoint, _port = s3
    result = deploy(f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", endpoint)
    order = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("upload ")]
    css = order.index("theme/css/main.css")
    story = order.index("world/baltic-ferry-talks/index.html")
    front = order.index("index.html")
    feed = order.index("feeds/rss.xml")
    assert css < story < front and story < feed


def test_gzip_upload(site, s3):
    client, endpoint, _port = s3
    assert (
        deploy(
            f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", endpoint, "--gzip"
        ).returncode
        == 0
    )
    head = client.head_object(Bucket=BUCKET, Key="index.html")
    assert head["ContentEncoding"] == "gzip"
    assert client.head_object(Bucket=BUCKET, Key="theme/css/main.css")["ContentEncoding"] == "gzip"


def test_server_error_mid_deploy_leaves_no_deletes_and_a_rerun_converges(site, s3, tmp_path):
    client, endpoint, port = s3
    client.put_object(Bucket=BUCKET, Key="stale/old-page.html", Body=b"stale")
    with FailingProxy(port, "/feeds/rss.xml") as proxy:
        failed = deploy(f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", proxy.url)
    assert failed.returncode == 1
    assert "upload of feeds/rss.xml failed" in failed.stderr
    assert "nothing was deleted" in failed.stderr
    assert proxy.failures >= 2  # it was retried
    assert "stale/old-page.html" in objects(client)  # no delete before every upload is done
    assert "theme/css/main.css" in objects(client)  # assets went first
    assert "Traceback" not in failed.stderr
    rerun = deploy(f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", endpoint)
    assert rerun.returncode == 0
    assert "stale/old-page.html" not in objects(client)
    assert "feeds/rss.xml" in objects(client)
    settled = deploy(f"s3://{BUCKET}", "--output", str(site), "--endpoint-url", endpoint)
    assert "uploaded 0 files" in settled.stdout


def test_multipart_etag_falls_back_to_md5_metadata(site, s3, tmp_path):
    client, endpoint, _port = s3
    local = copy_site(site, tmp_path / "site")
    deploy(f"s3://{BUCKET}", "--output", str(local), "--endpoint-url", endpoint)
    # Re-upload one object as a multipart upload carrying our md5 metadata.
    key = "theme/css/main.css"
    head = client.head_object(Bucket=BUCKET, Key=key)
    upload = client.create_multipart_upload(
        Bucket=BUCKET, Key=key, ContentType="text/css", Metadata={"md5": head["Metadata"]["md5"]}
    )
    part = client.upload_part(
        Bucket=BUCKET,
        Key=key,
        PartNumber=1,
        UploadId=upload["UploadId"],
        Body=(local / key).read_bytes(),
    )
    client.complete_multipart_upload(
        Bucket=BUCKET,
        Key=key,
        UploadId=upload["UploadId"],
        MultipartUpload={"Parts": [{"ETag": part["ETag"], "PartNumber": 1}]},
    )
    assert "-" in client.head_object(Bucket=BUCKET, Key=key)["ETag"]
    result = deploy(f"s3://{BUCKET}", "--output", str(local), "--endpoint-url", endpoint)
    assert "upload theme/css/main.css" not in result.stdout
    assert "uploaded 0 files" in result.stdout


def test_bad_target_and_missing_output(tmp_path):
    bad = deploy("s3://Not_A_Bucket", "--output", str(tmp_path))
    assert bad.returncode == 1 and "not a valid S3 target" in bad.stderr
    missing = deploy("s3://bucket", "--output", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
