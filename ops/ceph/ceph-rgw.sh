#!/usr/bin/env bash
# A one-node Ceph cluster with the RADOS Gateway (a production S3 server) on this machine, for the object-store
# scenarios: a monitor, a manager, one OSD on a sparse file and radosgw on $RGW_PORT, all under $CEPH_DIR, with one S3
# user whose keys are printed. Needs Debian's ceph-mon, ceph-mgr, ceph-osd and radosgw (installed here when missing).
#
#   ops/ceph/ceph-rgw.sh start     # prints the endpoint and the keys
#   ops/ceph/ceph-rgw.sh stop
set -euo pipefail
DIR=${CEPH_DIR:-/tmp/darkroom-ceph}
PORT=${RGW_PORT:-7480}
ACCESS=${RGW_ACCESS_KEY:-darkroom-access}
SECRET=${RGW_SECRET_KEY:-darkroom-secret-$(hostname | sha1sum | cut -c1-12)}
CONF="$DIR/ceph.conf"
ROOT=(--setuser root --setgroup root)

stop() {
  for daemon in radosgw ceph-osd ceph-mgr ceph-mon; do pkill -f "$daemon -c $CONF" || true; done
  pkill -f "radosgw-admin -c $CONF" || true
  sleep 1
}

if [ "${1:-start}" = "stop" ]; then stop; exit 0; fi

if ! command -v radosgw >/dev/null || ! command -v ceph-mon >/dev/null || ! command -v ceph-osd >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ceph-mon ceph-mgr ceph-osd radosgw >/dev/null
fi

stop
if [ ! -f "$DIR/ready" ]; then
  rm -rf "$DIR" && mkdir -p "$DIR"/{mon,mgr,osd,rgw,run,log}
  FSID=$(cat /proc/sys/kernel/random/uuid)
  cat > "$CONF" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:3300
keyring = $DIR/keyring
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail crit = 1
mon data avail warn = 2
osd crush chooseleaf type = 0
run dir = $DIR/run
log file = $DIR/log/\$name.log
mon data = $DIR/mon/\$cluster-\$id
mgr data = $DIR/mgr/\$cluster-\$id
osd data = $DIR/osd/\$cluster-\$id
osd objectstore = bluestore
bluestore block create = true
bluestore block size = 21474836480
osd memory target = 1073741824
[client.rgw.local]
rgw frontends = beast port=$PORT
rgw data = $DIR/rgw
rgw dns name = localhost
CONF
  # one keyring holds every daemon's key (cephx); the monitor learns them all at mkfs
  K="$DIR/keyring"
  ceph-authtool --create-keyring "$K" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$K" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$K" --gen-key -n mgr.x --cap mon 'allow profile mgr' --cap osd 'allow *' >/dev/null
  ceph-authtool "$K" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap mgr 'allow profile osd' --cap osd 'allow *' >/dev/null
  ceph-authtool "$K" --gen-key -n client.rgw.local --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw' >/dev/null
  monmaptool --create --addv a "[v2:127.0.0.1:3300]" --fsid "$FSID" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$K" "${ROOT[@]}"
  ceph-mon -c "$CONF" -i a "${ROOT[@]}"
  mkdir -p "$DIR/mgr/ceph-x" && ceph-mgr -c "$CONF" -i x "${ROOT[@]}"
  OSD=$(timeout 60 ceph -c "$CONF" osd create)
  mkdir -p "$DIR/osd/ceph-$OSD"
  ceph-osd -c "$CONF" -i "$OSD" --mkfs --osd-uuid "$(cat /proc/sys/kernel/random/uuid)" "${ROOT[@]}" 2>"$DIR/log/mkfs.err"
  ceph-osd -c "$CONF" -i "$OSD" "${ROOT[@]}"
  radosgw -c "$CONF" -n client.rgw.local "${ROOT[@]}"
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT" >/dev/null && break; sleep 0.5; done
  timeout 120 radosgw-admin -c "$CONF" user create --uid=darkroom --display-name=Darkroom --access-key="$ACCESS" --secret="$SECRET" >/dev/null
  touch "$DIR/ready"
else
  ceph-mon -c "$CONF" -i a "${ROOT[@]}"
  ceph-mgr -c "$CONF" -i x "${ROOT[@]}"
  ceph-osd -c "$CONF" -i 0 "${ROOT[@]}"
  radosgw -c "$CONF" -n client.rgw.local "${ROOT[@]}"
fi
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT" >/dev/null || { echo "radosgw did not answer; see $DIR/log" >&2; exit 1; }
echo "Ceph RGW at http://127.0.0.1:$PORT"
echo "export AWS_ACCESS_KEY_ID=$ACCESS AWS_SECRET_ACCESS_KEY=$SECRET"
