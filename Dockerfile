# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a JDK 17 image, with Node.js 20 for the portal's styles --------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src

# The portal's NL Design System styles are installed by npm ci from server/src/main/frontend.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
 && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
 && apt-get install -y --no-install-recommends nodejs \
 && rm -rf /var/lib/apt/lists/*

# The build files first, so that the dependency download is cached separately from the sources.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY server/pom.xml server/
COPY server/src/ server/src/
COPY migrations/ migrations/
COPY mobile-api-spec/ mobile-api-spec/

RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests \
 && cp server/target/server-*.jar /tmp/wijkopmaat-server.jar

# ---- run: JRE 17 as an unprivileged user --------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 wijkopmaat \
 && useradd --system --uid 10001 --gid wijkopmaat --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin wijkopmaat

WORKDIR /app
COPY --from=build /tmp/wijkopmaat-server.jar /app/wijkopmaat-server.jar

# Class data sharing: a start without a database loads most of the server's classes and then
# stops; the JVM archives them at exit, and every later start maps the archive instead of loading
# and verifying those classes again (about a quarter less start-up work). The run's JWT secret is
# random and thrown away; it sends no mail.
RUN DATASOURCES_DEFAULT_URL=jdbc:mysql://127.0.0.1:1/none WIJKOPMAAT_MAIL_SMTP_HOST=127.0.0.1 \
    JWT_GENERATOR_SIGNATURE_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    java -XX:ArchiveClassesAtExit=/app/wijkopmaat-server.jsa -jar /app/wijkopmaat-server.jar >/dev/null 2>&1; \
    test -s /app/wijkopmaat-server.jsa && chmod 444 /app/wijkopmaat-server.jsa

USER wijkopmaat:wijkopmaat
ENV PORT=8080
# The API; health and metrics are on the management port (ENDPOINTS_ALL_PORT).
EXPOSE 8080 8081

# Exec form: the JVM is PID 1 and receives SIGTERM, so in-flight requests finish before it stops.
# Extra JVM options can be passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/wijkopmaat-server.jsa", "-jar", "/app/wijkopmaat-server.jar"]
