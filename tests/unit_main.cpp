#define BOOST_TEST_MODULE troupe_unit_tests
#include <boost/test/unit_test.hpp>
