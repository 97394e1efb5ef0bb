# Build a static edgarload binary and ship it in a small image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# VERSION: docker build --build-arg VERSION=$(git describe --tags --always --dirty) .
ARG VERSION=devel
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-X main.version=${VERSION}" -o /out/edgarload ./cmd/edgarload

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/edgarload /usr/local/bin/edgarload
ENTRYPOINT ["/usr/local/bin/edgarload"]
