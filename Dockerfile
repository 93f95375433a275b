# syntax=docker/dockerfile:1
#
# Dream Diary in a container: stage 1 builds the release archive with Maven, stage 2 unpacks it into a JRE image
# and runs its launcher, bin/dream-diary, exactly as on a server (see docs/operations.md).
#
#   docker build -t dream-diary .
#   docker run --init --name dream-diary -p 8080:8080 -v dream-diary-data:/var/lib/dream-diary dream-diary
#
# Without DATABASE_URL the service starts its embedded PostgreSQL in the data volume (its binaries exist for
# linux/amd64 only); with DATABASE_URL it uses that server, and the volume keeps only the upload spool (and, with
# BLOB_STORE=files, the files). Every setting is an environment variable, as in the README. Give the container
# more time to stop than SHUTDOWN_GRACE_SECONDS (10 s by default): docker stop -t 30.

# ---- stage 1: the release archive -------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The local repository is a build cache, kept between builds and never part of an image.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
 && set -- bootstrap/target/dream-diary-*.tar.gz \
 && test "$#" -eq 1 \
 && mkdir /dist \
 && tar -xzf "$1" -C /dist \
 && mv /dist/dream-diary-* /dist/dream-diary

# ---- stage 2: the runtime ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A system user of its own, with a fixed id so that volumes and bind mounts can be given to it.
RUN groupadd --system --gid 10001 dreamdiary \
 && useradd --system --uid 10001 --gid dreamdiary --home-dir /var/lib/dream-diary --no-create-home \
        --shell /usr/sbin/nologin dreamdiary \
 && mkdir -p /var/lib/dream-diary \
 && chown dreamdiary:dreamdiary /var/lib/dream-diary \
 && chmod 0700 /var/lib/dream-diary

# The unpacked archive, owned by root: the service can read it, not change it.
COPY --from=build /dist/dream-diary /opt/dream-diary

ENV DATA_DIR=/var/lib/dream-diary \
    PORT=8080
VOLUME ["/var/lib/dream-diary"]
WORKDIR /opt/dream-diary
USER 10001:10001
EXPOSE 8080
# The service stops gracefully on SIGTERM: requests in flight finish, live sockets close with 1001, then the pool
# (and an embedded PostgreSQL) stop.
STOPSIGNAL SIGTERM

# GET /health answers 200 {"status":"ok"} while the process serves. The image has bash, whose /dev/tcp needs no
# client program; the status line is all that is read.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && IFS= read -r -t 4 status <&3 && [[ $status == 'HTTP/1.1 200 '* ]]"]

# The archive's own launcher, as on a server. The base image's entrypoint runs it with exec, so the JVM receives
# the stop signal.
CMD ["bin/dream-diary"]
