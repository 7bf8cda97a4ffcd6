"""
OpenStack's own clients (Debian's python3-glanceclient and python3-openstacksdk) against the
Glance at argv[1], with the token argv[2] and the image file argv[3]: list, filter, create,
upload, download, update, tag, untag, deactivate, reactivate and delete with each. Prints one
JSON array of steps, each ok or with the client's error; run by openstack-clients.test.ts.
"""
import io, json, sys, hashlib
url, token = sys.argv[1], sys.argv[2]
out = []
def step(name, fn):
    try:
        r = fn(); out.append({"step": name, "ok": True, "value": r})
    except Exception as e:  # noqa: BLE001 - any failure is a step's result
        out.append({"step": name, "ok": False, "error": f"{type(e).__name__}: {e}"[:300]})
from glanceclient import Client
g = Client('2', endpoint=url, token=token)
data = open(sys.argv[3], "rb").read()
img = {}
step("glanceclient list", lambda: len(list(g.images.list())))
step("glanceclient filter", lambda: len(list(g.images.list(filters={"disk_format": "qcow2"}))))
def create():
    i = g.images.create(name="from-glanceclient", disk_format="qcow2", container_format="bare", os_distro="cirros")
    img["id"] = i["id"]; return i["status"]
step("glanceclient create", create)
step("glanceclient upload", lambda: g.images.upload(img["id"], io.BytesIO(data)) or g.images.get(img["id"])["status"])
step("glanceclient download", lambda: hashlib.sha256(b"".join(g.images.data(img["id"]))).hexdigest() == hashlib.sha256(data).hexdigest())
step("glanceclient update", lambda: g.images.update(img["id"], name="renamed", hw_disk_bus="virtio")["name"])
step("glanceclient tag", lambda: g.image_tags.update(img["id"], "gc-tag") or "gc-tag" in g.images.get(img["id"])["tags"])
step("glanceclient untag", lambda: g.image_tags.delete(img["id"], "gc-tag") or "gc-tag" not in g.images.get(img["id"])["tags"])
step("glanceclient deactivate", lambda: g.images.deactivate(img["id"]) or g.images.get(img["id"])["status"])
step("glanceclient reactivate", lambda: g.images.reactivate(img["id"]) or g.images.get(img["id"])["status"])
step("glanceclient delete", lambda: g.images.delete(img["id"]) or True)

import openstack
conn = openstack.connection.Connection(auth_type="admin_token", auth={"token": token, "endpoint": url}, image_endpoint_override=url, image_api_version="2")
sdk = {}
step("openstacksdk list", lambda: len(list(conn.image.images())))
step("openstacksdk filter", lambda: len(list(conn.image.images(status="active"))))
def sdk_create():
    i = conn.image.create_image(name="from-openstacksdk", disk_format="qcow2", container_format="bare", allow_duplicates=True, data=io.BytesIO(data), validate_checksum=False)
    sdk["id"] = i.id; return conn.image.get_image(i.id).status
step("openstacksdk create and upload", sdk_create)
step("openstacksdk download", lambda: hashlib.sha256(conn.image.download_image(sdk["id"])).hexdigest() == hashlib.sha256(data).hexdigest() if isinstance(conn.image.download_image(sdk["id"]), bytes) else hashlib.sha256(conn.image.download_image(sdk["id"]).content).hexdigest() == hashlib.sha256(data).hexdigest())
step("openstacksdk update", lambda: conn.image.update_image(sdk["id"], name="sdk-renamed").name)
step("openstacksdk tag", lambda: conn.image.add_tag(sdk["id"], "sdk-tag") or "sdk-tag" in conn.image.get_image(sdk["id"]).tags)
step("openstacksdk untag", lambda: conn.image.remove_tag(sdk["id"], "sdk-tag") or "sdk-tag" not in conn.image.get_image(sdk["id"]).tags)
step("openstacksdk deactivate", lambda: conn.image.deactivate_image(sdk["id"]) or conn.image.get_image(sdk["id"]).status)
step("openstacksdk reactivate", lambda: conn.image.reactivate_image(sdk["id"]) or conn.image.get_image(sdk["id"]).status)
step("openstacksdk delete", lambda: conn.image.delete_image(sdk["id"]) or True)
print(json.dumps(out, default=str))
