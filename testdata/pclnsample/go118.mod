module dlv4j.test/testdata

go 1.18
