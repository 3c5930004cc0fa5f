# The service as a container image. Built from source with the Maven wrapper; runs as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/avhoppare-utbyte-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app avhoppare
WORKDIR /app
COPY --from=build /src/app.jar /tmp/app.jar
# Start-up: the jar extracted (Spring Boot's tools jar mode) and a class-data-sharing archive of the
# classes a start loads, written by a training run that starts the application on the embedded database
# in a scratch directory, waits for its own health answer 200 and exits (avhoppare.cds-training; throwaway
# passwords, never printed; port 0, so nothing else on the build host matters). bench/run measures
# it: 10.5 s -> 6.0 s to health 200 on 2 cores (docs/performance.md, run 7). The archive belongs to this JDK
# and this jar: both come from this image, so a rebuilt image has a fresh one.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app --application-filename app.jar \
 && rm /tmp/app.jar && mkdir /tmp/training && cd /tmp/training \
 && pw="Cds-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-1a!" \
 && AVHOPPARE_DEMO_PASSWORD="$pw" AVHOPPARE_ADMIN_USER=cdstraining AVHOPPARE_ADMIN_PASSWORD="$pw" \
    java -XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -Xss512k \
      -XX:ArchiveClassesAtExit=/app/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar /app/app.jar --avhoppare.cds-training=true --server.port=0 \
 && cd / && rm -rf /tmp/training && test -s /app/app.jsa
USER 10001
ENV SPRING_PROFILES_ACTIVE=postgres TZ=Europe/Stockholm
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
# JVM flags measured by bench/run (docs/performance.md): a small serial-GC heap holds idle RSS under
# 400 MB and, with the archive above, start-up under 10 s on 2 cores. Both JIT compilers stay on: with C1
# alone (-XX:TieredStopAtLevel=1) Tasklist's list took ~20 % longer at p95 (sixth step).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-Xss512k", "-XX:SharedArchiveFile=/app/app.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Duser.timezone=Europe/Stockholm", "-jar", "/app/app.jar"]
