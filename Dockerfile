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
COPY --from=build /src/app.jar /app/app.jar
USER 10001
ENV SPRING_PROFILES_ACTIVE=postgres TZ=Europe/Stockholm
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
# JVM flags measured by bench/run (docs/performance.md): a small serial-GC heap and C1 only start the
# service several times faster on 2 cores and hold RSS under 400 MB; the service waits on its database,
# not on compiled code
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Europe/Stockholm", "-jar", "/app/app.jar"]
