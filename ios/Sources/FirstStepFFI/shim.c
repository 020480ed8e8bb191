// SwiftPM needs one source file in a C target. The real content of this module is the UniFFI header
// and module map that bindings/generate.sh writes into include/ (never committed).
